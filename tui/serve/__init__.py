"""Team access: the board over SSH (ssh_server.py) and in a browser (web.py)."""
