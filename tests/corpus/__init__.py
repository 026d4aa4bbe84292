"""Bad-input corpus (issue 11): every input is built by the tests and run through the real CLI."""
