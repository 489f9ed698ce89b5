"""Provides the validation of every op that comes from the other laptop or a file.

Sync (pull and push) and `import json` hand their ops to `oplog.insert_remote_ops`,
which calls `check_ops` before it writes anything: a bad op is refused (BadOp names
it) and the whole batch with it, so nothing of it reaches a projection. The payload
is held to the rules the services apply (`core.rules`); text is cleaned on the way in.

References are checked in form (a well-formed id, not the row itself), not for
existence: ops may arrive in any order (see store/schema.py), and a rule that
depended on what has arrived so far would let the two laptops disagree.
"""

from collections.abc import Iterable
from typing import Any, TypeGuard

from facilitator.core import fields, untrusted
from facilitator.core.clean import clean_text
from facilitator.core.errors import ValidationError
from facilitator.core.hlc import MAX_AHEAD_MS, check_remote
from facilitator.core.rules import check_value
from facilitator.core.timer import TIMER_KINDS
from facilitator.locale import Translatable, lazy
from facilitator.store.columns import COLUMNS
from facilitator.store.db import Op
from facilitator.store.entities import ENTITIES, personal_columns, required_columns

# Every op kind a service records, and undo's reversals of them: the verbs declared in
# store/entities.py. A new kind needs its verb there, or sync and `import json` refuse it.
ENTITY_VERBS: dict[str, frozenset[str]] = {
    table: frozenset(entity.verbs) for table, entity in ENTITIES.items()
}
CREATE_VERBS = frozenset({"add", "create", "set"})
_META_KEYS = {"_before", "_undo", "_batch", "_erased", "_claim", "_auto"}
# Erasure ops carry the id and nothing else (store/erasure.py).
_ID_ONLY_VERBS = {
    ("participant", "erase"),
    ("workshop", "purge"),
    ("workshop", "erase"),
    ("photo", "erase"),
}


class BadOp(ValidationError):
    """An op from the other laptop or a file that breaks a rule; names the op."""

    def __init__(self, op: Op | dict, reason: Translatable) -> None:
        uuid = op.uuid if isinstance(op, Op) else op.get("uuid")
        kind = op.kind if isinstance(op, Op) else op.get("kind")
        # what names the op goes into messages and terminals: clean, short
        uuid, kind = clean_text(str(uuid))[:64], clean_text(str(kind))[:64]
        super().__init__(
            lazy("Op {uuid} ({kind}) abgelehnt: {reason}", uuid=uuid, kind=kind, reason=reason)
        )
        self.op_uuid = uuid


def check_node(node: str) -> str:
    """Return the node id a peer names itself by; ValidationError if it is no id."""
    try:
        if isinstance(node, str) and fields.ident(node) and len(node) <= 64:
            return node
    except ValidationError:
        pass
    raise ValidationError(lazy("Der andere Laptop nennt keine gültige Kennung (node)."))


def check_ops(ops: Iterable[Op], now_ms: int) -> list[Op]:
    """Return the ops with cleaned payloads; BadOp for the first that breaks a rule."""
    return [check_op(op, now_ms) for op in ops]


def check_op(op: Op, now_ms: int) -> Op:
    """Return `op` with its payload cleaned by the field rules; BadOp if it breaks one."""
    _check_envelope(op, now_ms)
    _check_unicode(op)
    table, _, verb = op.kind.partition(".")
    if table == "timer":
        return _with_payload(op, _timer_payload(op, verb, now_ms))
    if verb not in ENTITY_VERBS.get(table, ()):
        raise BadOp(op, lazy("unbekannte Art von Op."))
    return _with_payload(op, _entity_payload(op, table, verb))


def _with_payload(op: Op, payload: dict[str, Any]) -> Op:
    return Op(op.seq, op.uuid, op.hlc, op.node, op.kind, op.workshop_id, payload, op.created_at)


def _check_unicode(op: Op) -> None:
    """Refuse text that is no Unicode: JSON's `\\ud800` parses to a lone surrogate.

    SQLite cannot store one (or stores it where every later read fails), so such an
    op is refused here, by name, before any of its batch is written.
    """
    if not untrusted.valid_text(op.payload) or not untrusted.valid_text(op.kind):
        raise BadOp(op, lazy("Text mit ungültigen Zeichen."))


def _check_envelope(op: Op, now_ms: int) -> None:
    for name, value in (("uuid", op.uuid), ("node", op.node), ("workshop_id", op.workshop_id)):
        try:
            if fields.ident(value) is None and name != "workshop_id":
                raise ValidationError("")
        except ValidationError:
            raise BadOp(op, lazy("„{name}“ ist ungültig.", name=name)) from None
    try:
        check_remote(op.hlc, now_ms)
    except ValueError:
        minutes = MAX_AHEAD_MS // 60_000
        raise BadOp(
            op,
            lazy(
                "die Uhr {hlc} ist ungültig oder geht mehr als {minutes} Minuten vor (Uhrzeit "
                "der Laptops prüfen).",
                hlc=repr(str(op.hlc)[:24]),
                minutes=minutes,
            ),
        ) from None
    try:
        fields.text(64)(op.created_at)
    except ValidationError:
        raise BadOp(op, lazy("„created_at“ ist ungültig.")) from None


def _field(op: Op, table: str, key: str, value: Any, column_type: type) -> Any:
    if value is None and key in required_columns(table):
        raise BadOp(op, lazy("„{table}.{key}“ fehlt.", table=table, key=key))
    try:
        return check_value(table, key, value, column_type)
    except ValidationError as err:
        raise BadOp(
            op, lazy("„{table}.{key}“: {problem}", table=table, key=key, problem=err)
        ) from None


def _entity_payload(op: Op, table: str, verb: str) -> dict[str, Any]:
    payload = op.payload
    entity_id = payload.get("id")
    if not isinstance(entity_id, str) or fields.ident(entity_id) is None:
        raise BadOp(op, lazy("„id“ fehlt oder ist ungültig."))
    if (table, verb) in _ID_ONLY_VERBS:
        if set(payload) != {"id"}:
            raise BadOp(op, lazy("eine Löschung trägt nur die Kennung."))
        return {"id": entity_id}
    if verb in CREATE_VERBS:
        _check_required(op, table)
    cleaned: dict[str, Any] = {"id": entity_id}
    for key, value in payload.items():
        if key != "id":
            cleaned[key] = _clean_key(op, table, key, value)
    _check_references(op, table, entity_id, cleaned)
    if table == "photo" and cleaned.get("jpeg"):
        cleaned = _photo_payload(op, cleaned)
    return cleaned


def _check_required(op: Op, table: str) -> None:
    scrubbed = op.payload.get("_erased") == 1  # store/erasure.py
    # an erased person's op keeps its place without what named them
    personal = personal_columns(table) if scrubbed else ()
    missing = [k for k in required_columns(table) if k not in op.payload and k not in personal]
    if missing:
        raise BadOp(op, lazy("„{table}.{missing}“ fehlt.", table=table, missing=missing[0]))


def _clean_key(op: Op, table: str, key: str, value: Any) -> Any:
    """One payload entry, cleaned: a column, undo's `_before`, or a marker key."""
    columns = COLUMNS[table]
    if key in columns:
        return _field(op, table, key, value, columns[key])
    if key == "_before" and isinstance(value, dict) and set(value) <= set(columns):
        # undo applies these later: the same rules, except that a field may be None
        return {
            k: v if v is None else _field(op, table, k, v, columns[k]) for k, v in value.items()
        }
    if _marker_ok(key, value):
        return value
    name = clean_text(str(key))[:40]
    raise BadOp(op, lazy("unbekanntes Feld „{name}“.", name=name))


def _marker_ok(key: str, value: Any) -> bool:
    if key in ("_undo", "_batch", "_claim"):
        return isinstance(value, str) and bool(fields.ident(value))
    return key in ("_erased", "_auto") and value == 1


def _check_references(op: Op, table: str, entity_id: str, cleaned: dict[str, Any]) -> None:
    if table == "organisation" and cleaned.get("merged_into") == entity_id:
        raise BadOp(
            op, lazy("eine Organisation kann nicht mit sich selbst zusammengeführt werden.")
        )
    workshop_id = cleaned.get("workshop_id", op.workshop_id)
    if op.workshop_id is not None and "workshop_id" in cleaned and workshop_id != op.workshop_id:
        raise BadOp(op, lazy("gehört zu einem anderen Workshop."))


def _photo_payload(op: Op, cleaned: dict[str, Any]) -> dict[str, Any]:
    """A photo from outside is verified as the app's own are prepared.

    It must decode as a JPEG of the size it claims, and leaves without metadata: a
    GPS position in its EXIF never reaches the protocol, bytes that only begin like
    a JPEG are refused here rather than breaking every export later.
    """
    import base64
    import binascii

    # verified in a bounded child process, once (sync verifies before, off the loop)
    from facilitator.store.photo_ops import verified_jpeg

    try:
        raw = base64.b64decode(cleaned["jpeg"], validate=True)
        jpeg = verified_jpeg(raw, cleaned.get("width"), cleaned.get("height"))
    except (ValidationError, binascii.Error) as err:
        reason = err if isinstance(err, ValidationError) else lazy("kein Base64.")
        raise BadOp(op, lazy("„photo.jpeg“: {problem}", problem=reason)) from None
    return {**cleaned, "jpeg": base64.b64encode(jpeg).decode("ascii"), "size": len(jpeg)}


def _timer_payload(op: Op, verb: str, now_ms: int) -> dict[str, Any]:
    payload = op.payload
    allowed = {"kind", "item_id", "at_ms", "minutes"}
    if verb not in TIMER_KINDS or payload.get("kind") != verb or set(payload) - allowed:
        raise BadOp(op, lazy("kein gültiges Timer-Ereignis."))
    at_ms = payload.get("at_ms")
    if not _is_int(at_ms) or not 0 <= at_ms <= now_ms + MAX_AHEAD_MS:
        raise BadOp(op, lazy("„at_ms“ ist ungültig."))
    minutes = payload.get("minutes") or 0
    if not _is_int(minutes) or abs(minutes) > 600:
        raise BadOp(op, lazy("„minutes“ ist ungültig."))
    try:
        fields.ident(payload.get("item_id"))
    except ValidationError:
        raise BadOp(op, lazy("„item_id“ ist ungültig.")) from None
    return dict(payload)


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)
