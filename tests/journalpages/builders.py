"""Builders for the journal's own pages and its editorial board."""

from itertools import count

from journalpages.models import BoardMember, Page

_seq = count(1)


def make_page(**overrides):
    n = next(_seq)
    fields = {
        "slug": f"page-{n}",
        "title_ky": f"Журнал жөнүндө {n}",
        "title_ru": f"О журнале {n}",
        "title_en": f"About the journal {n}",
        "body_ky": "<p>Кыргызча текст.</p>",
        "body_ru": "<p>Русский текст.</p>",
        "body_en": "<p>English text.</p>",
        "is_published": True,
        "order": n,
    }
    fields.update(overrides)
    return Page.objects.create(**fields)


def make_board_member(**overrides):
    n = next(_seq)
    fields = {
        "name_ky": f"Айгүл Токтогулова {n}",
        "name_ru": f"Айгуль Токтогулова {n}",
        "name_en": f"Aigul Toktogulova {n}",
        "role_ky": "Башкы редактор",
        "role_ru": "Главный редактор",
        "role_en": "Editor-in-chief",
        "affiliation_en": "Tian Shan Institute for the Humanities",
        "orcid": "0000-0002-1825-0097",
        "order": n,
    }
    fields.update(overrides)
    return BoardMember.objects.create(**fields)
