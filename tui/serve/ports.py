"""Whether a server can listen where it was told, asked before it starts: a port another server
holds is then said in a line of ours (exit 1), not after `serve web` has already announced that
it is serving, with textual-serve's banner and "Press Ctrl+C to quit" above aiohttp's error,
nor after `serve ssh` has started its warm sessions."""

from __future__ import annotations

import errno
import socket

from sales.errors import Invalid, Refused


def check_listen(host: str, port: int) -> None:
    """Refused when nothing could listen on `host`:`port` now (in use, or not allowed); Invalid
    (--host) for a host this machine cannot listen on. Port 0 (any free one) always can."""
    if port == 0:
        return
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as error:
        raise Invalid("--host", "{host} is not an address to listen on ({reason})", host=host,
                      reason=getattr(error, "strerror", None) or error) from None
    for family, kind, proto, _name, address in addresses:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the servers bind
            try:
                probe.bind(address)
            except OSError as error:
                if error.errno == errno.EADDRINUSE:
                    raise Refused("{host}:{port} is in use (another server listens there): choose another "
                                  "port with --port", host=host, port=port) from None
                raise Refused("cannot listen on {host}:{port}: {reason}", host=host, port=port,
                              reason=error.strerror or error) from None
