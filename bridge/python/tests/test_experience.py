"""ExperienceReader and PolicyPublisher against real transports (no Java needed): a ZeroMQ 'worker' written
with the protocol's messages, the shared Redis on 127.0.0.1:6379 (skipped without it), a policy directory."""
import os
import secrets
import tempfile
import time
import unittest

import numpy as np
import zmq

from gym4j_bridge import ExperienceError, ExperienceReader, PolicyPublisher, bridge_pb2 as pb, spaces
from gym4j_bridge.codec import tensor


def trajectory(experiment, worker, seq, steps=4):
    m = pb.Trajectory(protocol_version=1, experiment=experiment, worker_id=worker, sequence=seq, policy_version=2,
                      env_id="CartPole-v1", episode_id=seq)
    m.observations.CopyFrom(tensor(np.arange(steps * 4, dtype=np.float32).reshape(steps, 4) + seq))
    m.actions.CopyFrom(tensor(np.ones(steps, dtype=np.int64)))
    m.rewards.CopyFrom(tensor(np.ones(steps, dtype=np.float32)))
    m.terminated.CopyFrom(tensor(np.zeros(steps, dtype=bool)))
    m.truncated.CopyFrom(tensor(np.zeros(steps, dtype=bool)))
    m.last_observation.CopyFrom(tensor(np.zeros(4, dtype=np.float32)))
    e = m.extras.add(name="logprob")
    e.tensor.CopyFrom(tensor(np.full(steps, -0.5, dtype=np.float32)))
    return m


class ZmqReaderTest(unittest.TestCase):

    def test_credit_ack_dedup_and_batches(self):
        with ExperienceReader("zmq://127.0.0.1:0", "exp") as reader:
            dealer = zmq.Context.instance().socket(zmq.DEALER)
            dealer.setsockopt(zmq.LINGER, 0)
            dealer.connect(reader.endpoint)
            dealer.send(pb.ExperienceMessage(hello=pb.WorkerHello(protocol_version=1, experiment="exp",
                                                                   worker_id="w")).SerializeToString())
            self.assertIsNone(reader.poll(0.3))
            hello = pb.ExperienceReply.FromString(dealer.recv())
            self.assertEqual(256, hello.hello.credit)
            for seq in (0, 1, 1, 2):  # a resent duplicate
                dealer.send(pb.ExperienceMessage(trajectory=trajectory("exp", "w", seq)).SerializeToString())
            batch = reader.read_batch(10, timeout=2)
            while len(batch.trajectories) < 3:
                more = reader.read_batch(10, timeout=2)
                batch.trajectories.extend(more.trajectories)
            self.assertEqual([0, 1, 2], sorted(t.sequence for t in batch.trajectories))
            self.assertEqual(np.float32, batch.observations.dtype)
            self.assertEqual(2, int(batch.policy_versions[0]))
            self.assertIn("logprob", batch.extras)
            reader.poll(0.2)
            acked = set()
            dealer.setsockopt(zmq.RCVTIMEO, 2000)
            while len(acked) < 3:
                acked.update(pb.ExperienceReply.FromString(dealer.recv()).ack.sequences)
            self.assertEqual({0, 1, 2}, acked)
            dealer.send(b"\x12\x05garbage")
            self.assertIsNone(reader.poll(0.3))
            err = pb.ExperienceReply.FromString(dealer.recv())
            self.assertEqual(pb.ERROR_CODE_BAD_MESSAGE, err.error.code)
            dealer.close()


class RedisReaderTest(unittest.TestCase):

    def setUp(self):
        try:
            import redis
            self.r = redis.Redis(port=6379)
            self.r.ping()
        except Exception as e:  # no redis package or server
            if os.environ.get("CI") == "true":
                raise
            self.skipTest(f"no Redis on 127.0.0.1:6379: {e}")
        self.exp = "py-" + secrets.token_hex(6)

    def tearDown(self):
        for k in self.r.keys(f"gym4j:{self.exp}:*"):
            self.r.delete(k)

    def test_exactly_once_and_rejects(self):
        stream = f"gym4j:{self.exp}:trajectories"
        for seq in (0, 1, 0):
            self.r.xadd(stream, {"w": "w", "s": seq, "t": trajectory(self.exp, "w", seq).SerializeToString()})
        self.r.xadd(stream, {"t": b"\x01\x02"})
        with ExperienceReader(f"redis://127.0.0.1:6379/{self.exp}") as reader:
            got = []
            while len(got) < 2:
                t = reader.poll(2)
                self.assertIsNotNone(t)
                got.append(t.key)
                reader.ack(t)
            self.assertEqual([("w", 0), ("w", 1)], got)
            self.assertIsNone(reader.poll(0.3))
            self.assertEqual(1, reader.rejected)
        self.assertEqual(0, self.r.xpending(stream, "gym4j-trainers")["pending"])

    def test_unreachable_and_publisher(self):
        with self.assertRaises(ExperienceError) as e:
            ExperienceReader("redis://127.0.0.1:1/x")
        self.assertIn("cannot reach Redis at 127.0.0.1:1", str(e.exception))
        with PolicyPublisher("redis://127.0.0.1:6379", self.exp) as p:
            self.assertEqual(1, p.publish(b"model", spaces.Discrete(3), spaces.Discrete(2)))
            with self.assertRaises(ExperienceError):
                p.publish(b"model", spaces.Discrete(3), spaces.Discrete(2), version=1)
        data = self.r.get(f"gym4j:{self.exp}:policy:v1")
        self.assertEqual(b"model", pb.PolicyVersion.FromString(data).model)


class DirectoryPublisherTest(unittest.TestCase):

    def test_layout_index_last_and_monotonic(self):
        with tempfile.TemporaryDirectory() as d:
            p = PolicyPublisher(f"dir:{d}", "exp", keep=2)
            for v in (1, 2, 3):
                self.assertEqual(v, p.publish(b"m%d" % v, spaces.Discrete(3), spaces.Discrete(2), {"v": v}))
            with self.assertRaises(ExperienceError):
                p.publish(b"x", spaces.Discrete(3), spaces.Discrete(2), version=3)
            with open(os.path.join(d, "exp", "LATEST")) as f:
                self.assertEqual("3", f.read().strip())
            names = sorted(n for n in os.listdir(os.path.join(d, "exp")) if n.startswith("v"))
            self.assertEqual(["v000000000002", "v000000000003"], names)
            with open(os.path.join(d, "exp", "v000000000003", "policy.pb"), "rb") as f:
                m = pb.PolicyVersion.FromString(f.read())
            self.assertEqual((3, b"m3", '{"v": 3}'), (m.version, m.model, m.metadata_json))
            p.set_minimum_version(2)
            p.set_minimum_version(1)
            with open(os.path.join(d, "exp", "MINIMUM")) as f:
                self.assertEqual("2", f.read().strip())


class ZmqPublisherTest(unittest.TestCase):
    """The publisher's end of the ZeroMQ policy store, spoken to by a DEALER written with the protocol's messages."""

    def setUp(self):
        self.dealer = zmq.Context.instance().socket(zmq.DEALER)
        self.dealer.setsockopt(zmq.LINGER, 0)
        self.dealer.setsockopt(zmq.RCVTIMEO, 3000)

    def tearDown(self):
        self.dealer.close()

    def request(self, rid, **body):
        self.dealer.send(pb.PolicyStoreRequest(protocol_version=1, experiment="exp", request_id=rid,
                                               **body).SerializeToString())
        return pb.PolicyStoreReply.FromString(self.dealer.recv())

    def notice(self, wanted):
        """The first pushed notice that is wanted (an earlier change may be pushed too, harmlessly)."""
        while True:
            n = pb.PolicyStoreReply.FromString(self.dealer.recv())  # raises zmq.Again after 3 s
            if n.request_id == 0 and wanted(n):
                return n

    def test_late_watcher_pushes_fetch_and_refusals(self):
        with PolicyPublisher("zmq://127.0.0.1:0", "exp") as p:
            self.assertTrue(p.endpoint.startswith("tcp://127.0.0.1:"))
            self.assertEqual(1, p.publish(b"m1", spaces.Discrete(3), spaces.Discrete(2), {"v": 1}))
            self.dealer.connect(p.endpoint)
            state = self.request(1, watch=pb.PolicyWatch())
            self.assertEqual((1, 1, 0), (state.request_id, state.latest_version, state.minimum_version),
                             "a late watcher learns the latest")
            self.assertEqual(2, p.publish(b"m2", spaces.Discrete(3), spaces.Discrete(2)))
            notice = self.notice(lambda n: n.latest_version == 2)
            self.assertEqual(0, notice.request_id, "pushed to the watcher")
            p.set_minimum_version(2)
            self.notice(lambda n: n.minimum_version == 2)
            got = self.request(2, fetch=pb.PolicyFetch(after_version=0))
            self.assertEqual((2, b"m2"), (got.policy.version, got.policy.model))
            self.assertFalse(self.request(3, fetch=pb.PolicyFetch(after_version=2)).HasField("policy"))
            self.dealer.send(b"\xff\x01")
            bad = pb.PolicyStoreReply.FromString(self.dealer.recv())
            self.assertEqual(pb.ERROR_CODE_BAD_MESSAGE, bad.error.code)
            self.dealer.send(pb.PolicyStoreRequest(protocol_version=3, experiment="exp", request_id=4,
                                                   watch=pb.PolicyWatch()).SerializeToString())
            self.assertIn("protocol version 3", pb.PolicyStoreReply.FromString(self.dealer.recv()).error.message)
            older = got.policy
            older.version = 1
            refused = self.request(5, publish=older)
            self.assertIn("not newer than the latest, 2", refused.error.message)
            newer = pb.PolicyVersion()
            newer.CopyFrom(got.policy)
            newer.version, newer.model = 3, b"tampered"
            self.assertIn("checksum mismatch", self.request(6, publish=newer).error.message)
            self.assertEqual(4, p._zmq.rejected)
            self.assertEqual(2, p.latest_version())
            with self.assertRaises(ExperienceError) as taken:
                PolicyPublisher(p.endpoint.replace("tcp://", "zmq://"), "exp")
            self.assertIn("cannot bind the policy store", str(taken.exception))


if __name__ == "__main__":
    unittest.main()
