"""Spaces and values survive the wire format (no server needed)."""
import unittest

import numpy as np

from gym4j_bridge import bridge_pb2 as pb
from gym4j_bridge import codec, spaces


class CodecTest(unittest.TestCase):

    def roundtrip_space(self, space):
        wire = pb.Space.FromString(codec.space_to_wire(space).SerializeToString())
        back = codec.space_from_wire(wire)
        self.assertEqual(back, space)
        return back

    def test_every_space_and_its_values_round_trip(self):
        box = spaces.Box(low=np.array([-1.0, -np.inf], dtype=np.float32), high=np.array([1.0, np.inf], dtype=np.float32),
                         dtype=np.float32)
        image = spaces.Box(low=0, high=255, shape=(4, 5, 3), dtype=np.uint8)
        composite = spaces.Tuple([spaces.Discrete(3, start=-1), spaces.MultiBinary(4),
                                  spaces.Dict({"a": spaces.MultiDiscrete([2, 5]), "b": box})])
        for space in (box, image, spaces.Discrete(7), composite):
            back = self.roundtrip_space(space)
            space.seed(3)
            value = space.sample()
            wire = pb.Value.FromString(codec.encode(space, value).SerializeToString())
            decoded = codec.decode(back, wire)
            self.assertTrue(back.contains(decoded), f"{decoded!r} not in {back}")

    def test_an_image_travels_as_one_bytes_field(self):
        frame = np.arange(4 * 5 * 3, dtype=np.uint8).reshape(4, 5, 3)
        v = codec.encode(spaces.Box(0, 255, (4, 5, 3), np.uint8), frame)
        self.assertEqual(v.tensor.data, frame.tobytes())
        self.assertEqual(list(v.tensor.shape), [4, 5, 3])

    def test_tensors_are_little_endian(self):
        t = codec.tensor(np.array([1.0], dtype=">f4"))
        self.assertEqual(t.data, b"\x00\x00\x80\x3f")

    def test_a_short_tensor_is_refused(self):
        t = pb.Tensor(dtype=pb.DTYPE_FLOAT32, shape=[4], data=b"\x00" * 12)
        with self.assertRaises(codec.ProtocolError):
            codec.from_tensor(t)

    def test_seeds_of_any_size(self):
        for seed in (0, 1, 255, 256, 2 ** 63 - 1, 2 ** 64 + 5, 2 ** 200):
            self.assertEqual(codec.seed_from_wire(codec.seed_to_wire(seed)), seed)

    def test_seeds_that_are_not_integers_are_refused(self):
        for seed in (1.5, 7.0, "7", True, None, -1):
            with self.assertRaises(ValueError, msg=repr(seed)):
                codec.seed_to_wire(seed)
        self.assertEqual(codec.seed_from_wire(codec.seed_to_wire(np.int64(7))), 7)

    def test_free_form_values(self):
        info = {"a": 1, "b": 2.5, "c": "x", "d": True, "e": None, "f": [1, "two"], "g": {"h": np.arange(3)}}
        back = codec.decode_map(pb.ValueMap.FromString(codec.encode_map(info).SerializeToString()))
        self.assertEqual({k: v for k, v in back.items() if k != "g"}, {k: v for k, v in info.items() if k != "g"})
        np.testing.assert_array_equal(back["g"]["h"], np.arange(3))


if __name__ == "__main__":
    unittest.main()
