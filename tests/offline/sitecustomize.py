"""Loaded by every Python started with this folder on PYTHONPATH: no network for osteotrack.

Network sockets (IPv4, IPv6) and name lookups raise, and each attempt is written to
the file named by OSTEOTRACK_NET_LOG, so a test sees an attempt even if the program
caught the error. Local socket pairs (asyncio's wake-up pipe, used by Textual) still work.
"""

import os
import socket
import traceback

_LOG = os.environ.get("OSTEOTRACK_NET_LOG")
_Socket = socket.socket
_LOCAL = {getattr(socket, "AF_UNIX", None)}


def _refuse(what: str):
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{what}\n{''.join(traceback.format_stack(limit=8))}\n")
    raise OSError(f"network blocked by the osteotrack offline test: {what}")


class _OfflineSocket(_Socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family not in _LOCAL:
            _refuse(f"socket(family={family})")
        super().__init__(family, type, proto, fileno)


socket.socket = _OfflineSocket
socket.create_connection = lambda *a, **k: _refuse(f"create_connection{a}")
socket.getaddrinfo = lambda *a, **k: _refuse(f"getaddrinfo{a}")
