"""Starts `java -jar gym4j.jar serve ...` on a free loopback port for a test, and stops it afterwards."""
import atexit
import os
import re
import subprocess
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
JAR = os.environ.get("GYM4J_JAR", os.path.join(HERE, "..", "..", "..", "rollout-worker", "target", "gym4j.jar"))


_STARTED = []


@atexit.register
def _kill_leftovers():
    # A safety net: never leave a server behind, whatever a failing test skipped.
    for proc in _STARTED:
        if proc.poll() is None:
            proc.kill()


def require_jar(test):
    if not os.path.exists(JAR):
        message = f"{JAR} is missing: run `mvn -pl rollout-worker -am package` first (or set GYM4J_JAR)"
        if os.environ.get("CI"):
            raise AssertionError(message)
        raise unittest.SkipTest(message)


class JavaServer:
    def __init__(self, *args, bind="tcp://127.0.0.1:0", jvm_args=()):
        self.args = list(args)
        self.bind = bind
        self.jvm_args = list(jvm_args)
        self.proc = None
        self.endpoint = None

    def start(self):
        require_jar(None)
        self.proc = subprocess.Popen(["java", "-XX:+UseSerialGC", "-Xshare:auto", *self.jvm_args, "-jar", JAR, "serve", *self.args,
                                      "--bind", self.bind], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        _STARTED.append(self.proc)
        line = self.proc.stdout.readline()
        m = re.search(r" on (tcp://\S+)", line)
        if not m:
            self.stop()
            raise AssertionError(f"gym4j serve did not start: {line!r}")
        self.endpoint = m.group(1)
        return self

    def kill(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.proc is not None and self.proc.stdout:
            self.proc.stdout.close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *args):
        self.stop()
        return False
