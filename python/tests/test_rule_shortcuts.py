"""The rules' shortcuts (`in_order`, the lease's same-day check, a signal named as written) only
ever say "nothing to find" when the full check says so too: on generated date-times written alike,
near each other, with leap seconds, fractions and values that are no date-time; on signal file names
built from a document's parts, and near misses of them."""
import random
import unittest

from sourceos_contracts.rules.instant import add_seconds, compare_instants, parse_instant, same_posix_instant
from sourceos_contracts.rules.lease import _same_day_in_utc
from sourceos_contracts.rules.signal import KINDS, _file_name_findings, _named_as_written
from sourceos_contracts.rules.time_order import in_order


def _stamp(rng: random.Random) -> str:
    day = rng.choice(["2026-05-06", "2026-05-07", "2016-12-31", "2024-02-29", "2026-02-30", "2026-13-01", "2026-05-0x"])
    time = rng.choice(["04:31:00", "04:31:05", "23:59:60", "23:59:59", "00:00:00", "24:00:00", "4:31:000", "04:3١:00"])
    fraction = rng.choice(["", "", ".5", ".50", ".000", ".123", ".123456", ".999999"])
    return f"{day}{rng.choice('TTt')}{time}{fraction}{rng.choice(['Z', 'Z', 'z', '+00:00', '+00:00', '+01:00', '-05:00', '-01:00', '-00:00'])}"


class RuleShortcuts(unittest.TestCase):
    def test_in_order_only_when_the_instants_are_in_order(self) -> None:
        rng = random.Random(20261206)
        shortcuts = 0
        for _ in range(20000):
            x, y, strictly = _stamp(rng), _stamp(rng), rng.random() < 0.5
            if not in_order(x, y, strictly):
                continue
            shortcuts += 1
            a, b = parse_instant(x), parse_instant(y)
            if a is not None and b is not None:
                order = compare_instants(b, a)
                with self.subTest(x=x, y=y, strictly=strictly):
                    self.assertTrue(order > 0 or (order == 0 and not strictly))
        self.assertGreater(shortcuts, 100)

    def test_same_day_only_when_expiry_is_created_plus_ttl(self) -> None:
        rng = random.Random(20261207)
        shortcuts = 0
        for _ in range(20000):
            created, expires = _stamp(rng), _stamp(rng)
            if rng.random() < 0.7:  # stamps written alike after the seconds, most of them of one day
                suffix = rng.choice(["Z", "Z", "+00:00", ".123456+00:00", ".5Z", "-05:00", ".25+01:00"])
                other = suffix if rng.random() < 0.8 else rng.choice(["Z", "+00:00", ".123456+00:00", ".50Z"])
                created, expires = created[:19] + suffix, (created[:11] if rng.random() < 0.8 else expires[:11]) + expires[11:19] + other
            ttl = rng.choice([0, 5, 3600, 1, -5, 86400]) if rng.random() < 0.3 else 0
            a, b = parse_instant(created), parse_instant(expires)
            if a is not None and b is not None and rng.random() < 0.5:
                ttl = (b.minute * 60 + b.second) - (a.minute * 60 + a.second)
            if not _same_day_in_utc(created, expires, ttl):
                continue
            shortcuts += 1
            if a is not None and b is not None:
                with self.subTest(created=created, expires=expires, ttl=ttl):
                    self.assertTrue(same_posix_instant(add_seconds(a, ttl), b))
        self.assertGreater(shortcuts, 500)

    def test_named_as_written_only_when_the_name_agrees(self) -> None:
        rng = random.Random(20261208)
        stamps = ["20260130-040219", "20260130-040219_missive", "20260130-040219_x", "20260130-04021", "2026013-0402190", "20260130_040219", "٢0260130-040219", "20260130-040219\n", ""]
        kinds = [*KINDS, "council", "call", "council_call_x", "missive_", "_missive", ""]
        topics = ["plan", "call_plan", "assignment", "x\n", "", "a.json", "council_call", "_", "é" * 130]
        shortcuts = 0
        for _ in range(20000):
            # most of them a stamp and a kind of the schema, so that the shortcut is taken often
            stamp = stamps[0] if rng.random() < 0.6 else rng.choice(stamps)
            kind, topic = rng.choice(KINDS) if rng.random() < 0.6 else rng.choice(kinds), rng.choice(topics)
            doc = {"header": {"id": stamp, "kind": kind}, "body": {"topic": topic}}
            parts = [rng.choice(stamps) if rng.random() < 0.2 else stamp, rng.choice(kinds) if rng.random() < 0.2 else kind, rng.choice(topics) if rng.random() < 0.2 else topic]
            filename = rng.choice(["", "signals/", "a\\b/"]) + "_".join(parts) + rng.choice([".json", ".json", ".JSON", "json", ".json.bak"])
            if not _named_as_written(doc, filename):
                continue
            shortcuts += 1
            with self.subTest(doc=doc, filename=filename):
                self.assertEqual(_file_name_findings(doc, filename), [])
        self.assertGreater(shortcuts, 1000)


if __name__ == "__main__":
    unittest.main()
