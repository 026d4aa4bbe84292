"""Headless subcommands; each module registers one command with the CLI parser."""
