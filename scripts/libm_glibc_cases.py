#!/usr/bin/env python3
"""Stream seeded random sin/cos/pow/powf arguments with this machine's glibc results, for gym4j's Libm check.

Writes binary records to stdout, one per argument: function (1 byte: 0 sin, 1 cos, 2 pow, 3 powf),
category (1 byte, see CATEGORIES), x, y, glibc's result (three little-endian float64; powf's float32 values are
widened exactly). glibc is called through ctypes.CDLL("libm.so.6"), the same functions NumPy and Python's math
use. Standard library only.

    python3 scripts/libm_glibc_cases.py N SEED [FUNCTIONS]    (N arguments per function, FUNCTIONS e.g. sin,cos)

The categories cover the ranges the classic envs use and wide ranges: huge arguments (the 2/pi reduction),
subnormals, values next to every branch threshold, NaN, infinities and raw random bit patterns.
"""
import ctypes
import math
import os
import random
import struct
import sys

CATEGORIES = {
    "sin": ["cartpole theta [-0.42,0.42]", "angle [-4pi,4pi]", "mountaincar 3*pos [-3.6,1.8]",
            "uniform [-1e6,1e6]", "log-uniform finite (all exponents, subnormals)", "huge |x| in [2^26, 2^1024)",
            "near k*pi/2 (few ulps)", "random 64-bit patterns (NaN, inf)", "tiny |x| < 2^-20", "specials/thresholds"],
    "pow": ["x**2, x uniform [-30,30]", "x**2, x log-uniform finite", "x in (0,10], y in [-20,20]",
            "x log-uniform > 0, y in [-4,4]", "x < 0, integer and half-integer y", "x near 1, huge |y|",
            "result near overflow/underflow/subnormal", "random 64-bit patterns", "specials cross product"],
    "powf": ["u**2, u uniform float [-4,4]", "u**2, u log-uniform finite float", "x in (0,10], y in [-20,20]",
             "x log-uniform float > 0, y in [-4,4]", "x < 0, integer and half-integer y", "x near 1, huge |y|",
             "result near overflow/underflow/subnormal", "random 32-bit patterns", "specials cross product"],
}
CATEGORIES["cos"] = CATEGORIES["sin"]
FUNCS = ["sin", "cos", "pow", "powf"]


def d2b(v):
    return struct.unpack("<Q", struct.pack("<d", v))[0]


def b2d(b):
    return struct.unpack("<d", struct.pack("<Q", b & 0xFFFFFFFFFFFFFFFF))[0]


def f32(v):
    return struct.unpack("<f", struct.pack("<f", v))[0]


def bits32(b):
    return struct.unpack("<f", struct.pack("<I", b & 0xFFFFFFFF))[0]


def fbits(v):
    return struct.unpack("<I", struct.pack("<f", v))[0]


def loguniform_double(rnd, emin=0, emax=2046):
    return b2d((rnd.getrandbits(1) << 63) | (rnd.randint(emin, emax) << 52) | rnd.getrandbits(52))


def loguniform_float(rnd, emin=0, emax=254):
    return bits32((rnd.getrandbits(1) << 31) | (rnd.randint(emin, emax) << 23) | rnd.getrandbits(23))


def trig_args(rnd, n):
    specials = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 2.2250738585072014e-308,
                1.7976931348623157e308, -1.7976931348623157e308, math.pi, -math.pi, math.pi / 2, math.pi / 4,
                0.126, -0.126, 105414350.0, -105414350.0, 1e22, 2.0 ** 1023]
    for hi in (0x3e400000, 0x3e500000, 0x3feb6000, 0x400368fd, 0x419921FB, 0x7ff00000):
        base = hi << 32
        for d in range(-3, 4):
            b = base + d
            specials += [b2d(b), b2d(b | 1 << 63)]
    for v in (0.126, 0.855469, 2.426265, 105414350.0):
        for d in range(-2, 3):
            specials.append(b2d(d2b(v) + d))
    out = [(9, v) for v in specials if True]
    weights = [15, 20, 15, 10, 12, 8, 5, 10, 5]
    total = sum(weights)
    rest = n - len(out)
    for cat, w in enumerate(weights):
        m = rest * w // total if cat < len(weights) - 1 else rest - sum(rest * ww // total for ww in weights[:-1])
        for _ in range(m):
            if cat == 0:
                v = rnd.uniform(-0.42, 0.42)
            elif cat == 1:
                v = rnd.uniform(-4 * math.pi, 4 * math.pi)
            elif cat == 2:
                v = rnd.uniform(-3.6, 1.8)
            elif cat == 3:
                v = rnd.uniform(-1e6, 1e6)
            elif cat == 4:
                v = loguniform_double(rnd)
            elif cat == 5:
                v = loguniform_double(rnd, 0x3ff + 26, 2046)
            elif cat == 6:
                k = rnd.randint(-2_000_000, 2_000_000)
                v = b2d(d2b(k * (math.pi / 2)) + rnd.randint(-4, 4)) if k else rnd.uniform(-1e-300, 1e-300)
            elif cat == 7:
                v = b2d(rnd.getrandbits(64))
            else:
                v = loguniform_double(rnd, 0, 0x3ff - 20)
            out.append((cat, v))
    return out


def pow_args(rnd, n, as_float):
    rnd_val = (lambda v: f32(v)) if as_float else (lambda v: v)
    loguni = (lambda: loguniform_float(rnd)) if as_float else (lambda: loguniform_double(rnd))
    big = 3.4028234663852886e38 if as_float else 1.7976931348623157e308
    tiny = 1.401298464324817e-45 if as_float else 5e-324
    sp = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 3.5, tiny, -tiny,
          big, -big, 1e-20, -1e-20, 1e30 if as_float else 1e300, 1.0000001, 0.9999999, 2.0 ** -126]
    sp = [rnd_val(v) for v in sp]
    out = [(8, x, y) for x in sp for y in sp]
    weights = [20, 10, 15, 15, 10, 10, 10, 10]
    total = sum(weights)
    rest = n - len(out)
    max_exp = 127.0 if as_float else 1023.0
    min_exp = -150.0 if as_float else -1075.0
    for cat, w in enumerate(weights):
        m = rest * w // total if cat < len(weights) - 1 else rest - sum(rest * ww // total for ww in weights[:-1])
        for _ in range(m):
            if cat == 0:
                x, y = rnd_val(rnd.uniform(-4.0, 4.0) if as_float else rnd.uniform(-30.0, 30.0)), 2.0
            elif cat == 1:
                x, y = loguni(), 2.0
                if not math.isfinite(x):
                    x = rnd_val(1.5)
            elif cat == 2:
                x, y = rnd_val(rnd.uniform(1e-300, 10.0)), rnd_val(rnd.uniform(-20.0, 20.0))
            elif cat == 3:
                x, y = abs(loguni()), rnd_val(rnd.uniform(-4.0, 4.0))
            elif cat == 4:
                x = -abs(rnd_val(rnd.uniform(0.0, 5.0) if rnd.random() < 0.7 else abs(loguni())))
                y = rnd.randint(-60, 60) + (0.5 if rnd.random() < 0.1 else 0.0)
                y = rnd_val(float(y))
            elif cat == 5:
                e = rnd.randint(1, 23 if as_float else 52)
                x = rnd_val(1.0 + rnd.choice((-1, 1)) * rnd.random() * 2.0 ** -e)
                y = rnd_val(rnd.choice((-1, 1)) * 2.0 ** rnd.uniform(10, 100 if as_float else 200))
            elif cat == 6:
                t = rnd.uniform(min_exp - 5, max_exp + 5)  # target log2 of the result
                x = abs(loguni())
                if x == 0 or not math.isfinite(x) or x == 1.0:
                    x = rnd_val(3.0)
                y = rnd_val(t / math.log2(x))
                if rnd.random() < 0.3:
                    x = -x
                    y = rnd_val(float(round(y)))
            else:
                if as_float:
                    x, y = bits32(rnd.getrandbits(32)), bits32(rnd.getrandbits(32))
                else:
                    x, y = b2d(rnd.getrandbits(64)), b2d(rnd.getrandbits(64))
            out.append((cat, x, y))
    return out


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2])
    funcs = sys.argv[3].split(",") if len(sys.argv) > 3 else FUNCS
    libm = ctypes.CDLL("libm.so.6")
    sys.stderr.write(f"glibc {os.confstr('CS_GNU_LIBC_VERSION')}, {n} arguments per function, seed {seed}\n")
    out = sys.stdout.buffer
    pack = struct.Struct("<BBddd").pack
    for fi, name in enumerate(FUNCS):
        if name not in funcs:
            continue
        rnd = random.Random(f"{seed}:{name}")
        buf = []
        if name in ("sin", "cos"):
            f = getattr(libm, name)
            f.restype = ctypes.c_double
            f.argtypes = [ctypes.c_double]
            for cat, x in trig_args(rnd, n):
                buf.append(pack(fi, cat, x, 0.0, f(x)))
                if len(buf) >= 65536:
                    out.write(b"".join(buf))
                    buf.clear()
        else:
            as_float = name == "powf"
            f = getattr(libm, name)
            f.restype = ctypes.c_float if as_float else ctypes.c_double
            f.argtypes = [ctypes.c_float] * 2 if as_float else [ctypes.c_double] * 2
            for cat, x, y in pow_args(rnd, n, as_float):
                buf.append(pack(fi, cat, x, y, f(x, y)))
                if len(buf) >= 65536:
                    out.write(b"".join(buf))
                    buf.clear()
        out.write(b"".join(buf))
    out.flush()


if __name__ == "__main__":
    main()
