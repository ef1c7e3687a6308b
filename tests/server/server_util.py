"""server_util.py — starts `aicert serve` on a free loopback port (port 0:
the kernel picks one) for a test, and makes requests to it with the standard
library only."""
import http.client
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

failures = []


def check(cond, what):
    """Records a failed check (and says so) without stopping the test."""
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def finish(skipped=False):
    """Exits 1 when a check failed, else 0 (77 when skipped)."""
    print("%d failures" % len(failures))
    sys.exit(1 if failures else 77 if skipped else 0)


class Server:
    """One `aicert serve` process; its standard error goes to a file."""

    def __init__(self, aicert, *args, env=None):
        self.log = tempfile.NamedTemporaryFile(prefix="aicert-serve-", suffix=".log", delete=False)
        self.proc = subprocess.Popen([aicert, "serve", "--listen", "127.0.0.1:0", *args],
                                     stdout=subprocess.DEVNULL, stderr=self.log, env=env)
        self.port = None
        deadline = time.time() + 20
        while time.time() < deadline and self.port is None:
            if self.proc.poll() is not None:
                raise RuntimeError("aicert serve exited: " + self.log_text())
            for line in self.log_text().splitlines():
                if "listening on http://127.0.0.1:" in line:
                    self.port = int(line.split("127.0.0.1:")[1].split("/")[0])
            time.sleep(0.02)
        if self.port is None:
            self.stop()
            raise RuntimeError("aicert serve did not start: " + self.log_text())

    def log_text(self):
        with open(self.log.name, encoding="utf-8", errors="replace") as f:
            return f.read()

    def request(self, method, path, body=None, headers=None):
        """(status, headers as a dict with lower-case names, body bytes)."""
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        h = dict(headers or {})
        if body is not None and "Content-Type" not in h:
            h["Content-Type"] = "application/json"
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        hdrs = {k.lower(): v for k, v in r.getheaders()}
        c.close()
        return r.status, hdrs, data

    def json(self, method, path, body=None, headers=None):
        status, hdrs, data = self.request(method, path, body, headers)
        return status, hdrs, json.loads(data) if data else None

    def stop(self, sig=signal.SIGTERM):
        """Stops the server; its exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def close(self):
        self.stop()
        os.unlink(self.log.name)
