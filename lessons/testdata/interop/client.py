"""A Python client for the Go echo server (lessons/basics/echo).

Usage: python3 client.py PORT   (the server is on 127.0.0.1:PORT)
"""
import socket
import sys

sys.stdout.reconfigure(encoding="utf-8")
port = int(sys.argv[1])
with socket.create_connection(("127.0.0.1", port), timeout=5) as s, \
        s.makefile("rb") as replies:  # buffered, line by line
    for line in ["hello", "from python", "héllo, wörld"]:
        s.sendall(line.encode("utf-8") + b"\n")  # the whole line
        reply = replies.readline()  # up to and including b"\n"
        if not reply:  # b'': the server closed
            sys.exit("the server closed the connection")
        print("echo:", reply.rstrip(b"\n").decode("utf-8"))
