"""The window's shell: the main window, its menus' dialogs, the search box, lock watching and the self-test."""
