"""kiosk.answers.bundle: a bundle is taken whole or refused whole, with the reason."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.answers.bundle import BundleError, parse_bundle
from tests.kiosk.answers.sample import RECORDING_SHA, bundle_bytes, bundle_dict


def test_a_published_bundle_parses_into_topics_questions_and_recordings() -> None:
    bundle = parse_bundle(bundle_bytes(7))
    assert bundle.version == 7
    assert [t.id for t in bundle.topics] == ["housing", "money"]
    assert [q.id for q in bundle.in_topic("housing")] == ["housing-queue", "housing-allowance"]
    assert bundle.languages() == ("sv", "en", "ar", "ti")
    assert [a.sha256 for a in bundle.recordings()] == [RECORDING_SHA]
    assert bundle.question("bankid") is not None and bundle.question("nope") is None
    assert bundle.question("housing-queue").links[0].host == "bostad.stockholm.se"  # type: ignore[union-attr]


def test_fields_a_newer_server_adds_are_ignored() -> None:
    data = bundle_dict()
    data["questions"][0]["video"] = {"sv": "later"}
    assert parse_bundle(json.dumps(data)).question("housing-queue") is not None


def _broken(change: Any) -> dict[str, Any]:
    data = bundle_dict()
    change(data)
    return data


BROKEN = {
    "markup in a body": lambda d: d["questions"][0]["texts"]["ar"].update(body="<b>hi</b>"),
    "script in a title": lambda d: d["questions"][1]["texts"]["en"].update(
        title="javascript:alert(1)"
    ),
    "a plain-http link": lambda d: d["questions"][0]["links"][0].update(url="http://x.se/"),
    "a link without a host": lambda d: d["questions"][0]["links"][0].update(url="https:///p"),
    "an unknown topic": lambda d: d["questions"][2].update(topic="nowhere"),
    "a question twice": lambda d: d["questions"].append(d["questions"][0]),
    "no Swedish and no English": lambda d: d["questions"][2]["texts"].clear(),
    "an empty title": lambda d: d["questions"][2]["texts"]["sv"].update(title=""),
    "a bad digest": lambda d: d["questions"][0]["audio"]["ar"].update(sha256="zz"),
    "a recording too large": lambda d: d["questions"][0]["audio"]["ar"].update(bytes=6 * 2**20),
    "a recording of an unknown type": lambda d: d["questions"][0]["audio"]["ar"].update(
        mime="video/mp4"
    ),
    "version 0": lambda d: d.update(version=0),
    "a bad language code": lambda d: d["questions"][0]["texts"].update(
        {"a r": {"title": "x", "body": "y"}}
    ),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_one_bad_part_rejects_the_whole_bundle_with_a_reason(name: str) -> None:
    with pytest.raises(BundleError) as refused:
        parse_bundle(json.dumps(_broken(BROKEN[name])))
    assert str(refused.value)


@pytest.mark.parametrize("data", [b"", b"{", b"[]", b"null", b'{"version": 1}', b"\xff\xfe"])
def test_what_is_not_a_bundle_is_refused(data: bytes) -> None:
    with pytest.raises(BundleError):
        parse_bundle(data)


def test_an_oversized_bundle_is_refused_before_parsing() -> None:
    with pytest.raises(BundleError, match="larger"):
        parse_bundle(b" " * (4 * 1024 * 1024 + 1))


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200) | _json.map(lambda v: json.dumps(v).encode()))
def test_whatever_arrives_is_a_bundle_or_a_bundle_error(data: bytes) -> None:
    # Anything else escaping (TypeError, UnicodeDecodeError, ...) would fail the test.
    with contextlib.suppress(BundleError):
        parse_bundle(data)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["questions", "topics"]), st.integers(0, 2), _json)
def test_a_damaged_part_of_a_real_bundle_is_refused_or_kept_whole(
    part: str, index: int, junk: object
) -> None:
    data = bundle_dict()
    items = data[part]
    items[index % len(items)] = junk
    try:
        bundle = parse_bundle(json.dumps(data))
    except BundleError:
        return
    assert len(getattr(bundle, part)) == len(items)  # never a bundle missing a part
