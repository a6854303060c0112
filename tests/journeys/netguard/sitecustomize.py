"""Loaded by the server under test: records every attempt to reach a host other than this machine.

Python's audit hooks see each socket connection and name lookup the process makes, whichever
library makes it, so a request the app never meant to send is caught as surely as one it did."""

import ipaddress
import os
import sys

LOG = os.environ.get("NETGUARD_LOG")
LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


def _is_local(host) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    host = str(host).strip("[]")
    if host in LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _record(event: str, host, port) -> None:
    with open(LOG, "a", encoding="utf-8") as log:
        log.write(f"{event} {host} {port}\n")


def _hook(event: str, args) -> None:
    if event == "socket.connect" or event == "socket.sendto":
        address = args[1]
        if isinstance(address, tuple) and not _is_local(address[0]):
            _record(event, address[0], address[1])
    elif event == "socket.getaddrinfo" and not _is_local(args[0]):
        _record(event, args[0], args[1])


if LOG:
    sys.addaudithook(_hook)
