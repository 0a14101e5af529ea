"""A pipeline over the stand-ins in fakes.py: known names, places and dates."""

from __future__ import annotations

import datetime as dt

import pytest

from hudna.extract.attribution import Attribution
from hudna.extract.events import Events
from hudna.extract.layers import Actors, Dates, Places, Quantities, Sentences
from hudna.extract.pipeline import Pipeline
from hudna.extract.triggers import Triggers

from . import fakes

NAMES = {
    "سيرغي لافروف": ("Sergey Lavrov", "person"), "لافروف": ("Sergey Lavrov", "person"),
    "جون كيري": ("John Kerry", "person"), "كيري": ("John Kerry", "person"),
    "وزارة الخارجية الروسية": ("Russian Foreign Ministry", "government"),
    "موقع روسيا اليوم": ("RT", "media"), "رويترز": ("Reuters", "media"),
    "داعش": ("ISIL", "armed_group"), "جبهة النصرة": ("Nusra Front", "armed_group"),
    "المجموعات المسلحة": ("armed groups", "armed_group"),
    "مركز التنسيق الروسي": ("Russian Reconciliation Center", "military"),
    "المرصد": ("SOHR", "organization"), "الجيش": ("army", "military"),
    "فصائل المعارضة": ("opposition factions", "armed_group"), "أردوغان": ("Erdogan", "person"),
    "الجماعات المتشددة": ("militant groups", "armed_group"),
    "Islamic State": ("ISIL", "armed_group"), "Kurdish fighters": ("YPG", "armed_group"),
    "SANA": ("SANA", "media"), "rebels": ("rebels", "armed_group"),
}  # fmt: skip
PLACES = {
    "سورية": ("Syria", 35.0, 38.0, "country"), "الفوعة": ("Al-Fu'ah", 35.97, 36.68, "locality"),
    "إدلب": ("Idlib", 35.9, 36.6, "governorate"), "دير الزور": ("Deir ez-Zor", 35.34, 40.14, "locality"),
    "اسطنبول": ("Istanbul", 41.0, 28.97, "locality"), "Damascus": ("Damascus", 33.5, 36.3, "locality"),
}  # fmt: skip
DATES = {
    "أمس": dt.date(2016, 4, 29),
    "اليوم": dt.date(2016, 4, 30),
    "on Sunday": dt.date(2017, 10, 15),
}


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    parts = [
        Sentences(fakes.sentences), Dates(fakes.make_dates(DATES)), Quantities(fakes.numbers),
        Actors(ner=False, registry=fakes.Registry(NAMES)), Places(fakes.Gazetteer(PLACES)),
        Attribution(), Triggers(),
    ]  # fmt: skip
    return Pipeline([*parts, Events()])
