#!/usr/bin/env python3
"""Serves a folder (default build/web) on loopback with the right MIME types, no compression.

Usage: serve.py [--dir DIR] [--port PORT]; --port 0 picks a free port. Prints the URL on its
first line so scripts can read it. Ctrl-C stops it.
"""
import argparse
import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".bin": "application/octet-stream",
        ".ttf": "font/ttf",
    }

    def end_headers(self):
        # Development server: always revalidate, so a rebuilt page is never stale.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, fmt, *args):  # quiet unless asked
        if self.server.verbose:
            super().log_message(fmt, *args)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", default="build/web")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    handler = functools.partial(Handler, directory=args.dir)
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    except OSError as err:
        sys.exit(f"serve: cannot listen on 127.0.0.1:{args.port}: {err.strerror} (try PORT=...)")
    server.verbose = args.verbose
    print(f"serving {args.dir} at http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nstopped")


if __name__ == "__main__":
    main()
