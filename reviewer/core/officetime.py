"""The office's clock and number style for what people read: times are stored in UTC and shown in the
office's time zone (one setting, `Settings.timezone`, default Asia/Jakarta) with its Indonesian name
(WIB, WITA, WIT); numbers through Babel (`1.234,5` in Indonesian, `1,234.5` in English)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_datetime
from babel.numbers import format_decimal, format_percent

from reviewer.core.errors import ReviewerError

DEFAULT_ZONE = "Asia/Jakarta"
# Indonesia's three zones by their legal names; Babel knows them only as "GMT+07:00".
ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
PATTERN = "d MMM yyyy HH.mm"


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ReviewerError(f"zona waktu tidak dikenal / unknown time zone {name!r} "
                            "(mis. / e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)") from exc


def zone_name(name: str) -> str:
    """"WIB" for Asia/Jakarta; other zones by their offset ("UTC+09:00")."""
    if name in ZONE_NAMES:
        return ZONE_NAMES[name]
    offset = datetime.now(zone(name)).strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}"


def local(moment: datetime, name: str) -> datetime:
    """A stored time (naive = UTC) in the office's zone."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(zone(name))


def format_moment(moment: datetime | str | None, name: str, lang: str = "id") -> str:
    """`3 Des 2026 14.05 WIB`: the office's local time with its zone named; "" for no time."""
    if not moment:
        return ""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment.rstrip("Z"))
    shown = format_datetime(local(moment, name), PATTERN, locale=lang)
    return f"{shown} {zone_name(name)}"


def format_number(value, lang: str = "id", digits: int | None = None) -> str:
    """`0,80` and `1.234` in Indonesian; `digits` fixes the decimals; "" for no value."""
    if value is None or value == "":
        return ""
    return format_decimal(value, f"#,##0.{'0' * digits}" if digits else None, locale=lang)


def format_share(value: float, lang: str = "id", digits: int = 0) -> str:
    """A fraction as a percentage: 0.125 → `12,5%` (digits=1)."""
    return format_percent(value, f"#,##0{'.' + '0' * digits if digits else ''}%", locale=lang)
