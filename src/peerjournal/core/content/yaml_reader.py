"""Reads a YAML pack into plain data, remembering the line of every value.

Packs may come from an organisation or be edited by hand, so this reader trusts
nothing: no tags that build objects, no anchors (the billion-laughs trick), no
duplicate keys, bounded size and depth. Every value's line is kept so a validation
problem can point at the exact place in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from peerjournal.core.errors import ContentPackError

_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when present (ten times faster); the pure-Python one otherwise."""

MAX_PACK_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 200_000
YAML_HINT = "check the indentation (spaces, not tabs); put text that holds a colon in quotes."

Path_ = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}
_DATE_TAG = "tag:yaml.org,2002:timestamp"


@dataclass(slots=True)
class LocatedData:
    data: object
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of the deepest known value on ``path`` (1-based)."""
        for end in range(len(path), -1, -1):
            found = self.lines.get(tuple(path[:end]))
            if found is not None:
                return found
        return 1


def read_yaml(raw: bytes, *, file: str, dates: bool = False) -> LocatedData:
    """Plain data with the line of every value; ``dates`` also reads YYYY-MM-DD as dates.

    Content packs hold no dates, so only the demo journal (our own file) asks for them.
    """
    if len(raw) > MAX_PACK_BYTES:
        raise ContentPackError(
            file=file,
            line=1,
            problem=f"the file is {len(raw) // 1024} KB, far larger than any content pack.",
            hint=f"keep each pack under {MAX_PACK_BYTES // (1024 * 1024)} MB.",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentPackError(
            file=file,
            line=raw[: exc.start].count(b"\n") + 1,
            problem="the file is not UTF-8 text.",
            hint="save it as UTF-8 in your text editor.",
        ) from None
    _check_shape(text, file)
    try:
        node = yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError as exc:
        raise _not_yaml(exc, file) from None
    if node is None:
        raise ContentPackError(
            file=file, line=1, problem="the file is empty.", hint="add the pack's id and title."
        )
    result = LocatedData(data=None)
    loader = yaml.SafeLoader("")
    try:
        tags = _PLAIN_TAGS | ({_DATE_TAG} if dates else set())
        result.data = _Converter(loader, result.lines, file, tags).convert(node, ())
    finally:
        loader.dispose()
    return result


def _check_shape(text: str, file: str) -> None:
    """Walks the event stream (iteratively) to refuse deep nesting and aliases early."""
    depth = 0
    count = 0
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            count += 1
            line = event.start_mark.line + 1 if event.start_mark else 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise ContentPackError(
                    file=file,
                    line=line,
                    problem="anchors and aliases (& and *) are not allowed in a pack.",
                    hint="write the text out in full where it is needed.",
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise ContentPackError(
                        file=file,
                        line=line,
                        problem=f"the file nests more than {MAX_DEPTH} levels deep.",
                        hint="a pack needs only a few levels: programme, parts, items.",
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if count > MAX_NODES:
                raise ContentPackError(
                    file=file,
                    line=line,
                    problem="the file has far more values than any content pack.",
                    hint="split it into smaller packs.",
                )
    except yaml.YAMLError as exc:
        raise _not_yaml(exc, file) from None


class _Converter:
    def __init__(
        self, loader: yaml.SafeLoader, lines: dict[Path_, int], file: str, tags: set[str]
    ) -> None:
        self.tags = tags
        self.loader = loader
        self.lines = lines
        self.file = file
        self.seen: set[int] = set()

    def _refuse(self, node: yaml.Node, problem: str, hint: str) -> ContentPackError:
        return ContentPackError(
            file=self.file, line=node.start_mark.line + 1, problem=problem, hint=hint
        )

    def _check_tag(self, node: yaml.Node) -> None:
        if node.tag not in self.tags:
            raise self._refuse(
                node,
                f"the tag '{node.tag}' is not allowed in a content pack.",
                "remove the tag (the part starting with '!').",
            )

    def convert(self, node: yaml.Node, path: Path_) -> object:
        self.lines[path] = node.start_mark.line + 1
        if id(node) in self.seen:
            raise self._refuse(node, "a value is repeated by reference.", "write it out in full.")
        self.seen.add(id(node))
        if node.tag == _DATE_TAG and _DATE_TAG not in self.tags:
            return str(node.value)  # a pack's date (a session's) is read as it is written
        self._check_tag(node)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, object] = {}
            for key_node, value_node in node.value:
                key = self.scalar(key_node)
                if not isinstance(key, str):
                    raise self._refuse(
                        key_node,
                        f"the key '{key}' must be a word.",
                        "use keys like 'id', 'title' or 'text'.",
                    )
                if key in result:
                    raise self._refuse(
                        key_node, f"the key '{key}' appears twice here.", "keep one of them."
                    )
                result[key] = self.convert(value_node, (*path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(child, (*path, i)) for i, child in enumerate(node.value)]
        return self.scalar(node)

    def scalar(self, node: yaml.Node) -> object:
        if not isinstance(node, yaml.ScalarNode):
            raise self._refuse(node, "a key must be plain text.", "")
        self._check_tag(node)
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError):
            raise self._refuse(
                node,
                f"the value '{str(node.value)[:40]}' cannot be read.",
                "put text values in quotes.",
            ) from None


def _not_yaml(exc: yaml.YAMLError, file: str) -> ContentPackError:
    """A YAML error as one calm sentence, at its line when the parser knows it."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        return ContentPackError(
            file=file,
            line=mark.line + 1 if mark else 1,
            problem="this line is not valid YAML.",
            hint=YAML_HINT,
        )
    return ContentPackError(
        file=file, line=1, problem="this is not valid YAML.", hint="check the file's syntax."
    )
