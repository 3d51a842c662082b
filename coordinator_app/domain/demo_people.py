"""The demo's people and places: CQCM staff, municipalities, organisations, funders and schools.

Made first, so every program's projects can point at them; the staff list is also read on its
own (the demo profile's person, the agenda tests), without generating the rest.
"""

from __future__ import annotations

from typing import Any

from coordinator_app.domain import demo_names as names
from coordinator_app.domain.demo_builder import DemoBuilder, of_place
from coordinator_app.domain.regions import REGIONS


def reference_data(b: DemoBuilder) -> dict[str, Any]:
    """Every region's municipalities and organisations, the funders and the regional staff, by
    the keys the programs read (``municipalities``, ``organisations``, ``funders``, ``staff``)."""
    municipalities = {code: list(towns) for code, towns in names.MUNICIPALITIES.items()}
    for code, towns in municipalities.items():
        for town in towns:
            b.add("municipality", name=town, region_code=code)
    organisations: dict[str, list[str]] = {code: [] for code in REGIONS}
    for code, towns in municipalities.items():
        town = towns[0]
        for kind, label in (
            ("caisse", f"Caisse Desjardins {of_place(town)}"),
            ("municipalite", f"Ville {of_place(town)}"),
            ("cje", f"Carrefour jeunesse-emploi {of_place(town)}"),
        ):
            organisations[code].append(
                b.add(
                    "organisation", name=label, org_kind=kind, region_code=code, municipality=town
                )
            )
        organisations[code].append(
            b.add(
                "organisation",
                name=f"CDR — région {REGIONS[code]}",
                org_kind="cdr",
                region_code=code,
                municipality=town,
            )
        )
    funders = [
        b.add(
            "organisation",
            name=funder,
            org_kind="bailleur",
            region_code="03",
            municipality="Québec",
        )
        for funder, _ in names.FUNDERS
    ]
    staff = {}
    for person in demo_staff():
        code = person["regions"][0]
        staff[code] = b.add(
            "coordinator", name=person["name"], email=person["email"], regions=[code]
        )
    return {
        "municipalities": municipalities,
        "organisations": organisations,
        "funders": funders,
        "staff": staff,
    }


#: The demo profile's own person: the CQCM staff member of region 03 (``demo_staff``).
DEMO_PERSON_REGION = "03"


def demo_account(code: str) -> str:
    """The account id of the demo staff member of region ``code``."""
    return f"demo-{code}"


def demo_staff() -> list[dict[str, Any]]:
    """The demo's CQCM staff, one per region (``domain.people.Person`` mappings): they make the
    demo visits, and the one of region 03 is the demo profile's person."""
    people = []
    for index, code in enumerate(REGIONS):
        first, last = (
            names.FIRST_NAMES[(index * 7) % len(names.FIRST_NAMES)],
            names.SURNAMES[(index * 5) % len(names.SURNAMES)],
        )
        email = f"{first.lower()}.{last.lower()}@cqcm.example"
        for accented, plain in (("é", "e"), ("è", "e"), ("ë", "e"), ("É", "e")):
            email = email.replace(accented, plain)
        people.append(
            {
                "account": demo_account(code),
                "name": f"{first} {last}",
                "email": email,
                "role": "coordinator",
                "title": "",
                "regions": [code],
            }
        )
    return people


def demo_schools(
    b: DemoBuilder, municipalities: dict[str, list[str]], count: int
) -> list[tuple[str, str, str]]:
    """``count`` schools spread over the regions: (id, region, municipality)."""
    schools = []
    codes = list(REGIONS)
    for index in range(count):
        code = codes[index % len(codes)]
        town = municipalities[code][(index // len(codes)) % len(municipalities[code])]
        patron = names.SCHOOL_PATRONS[(index // 3) % len(names.SCHOOL_PATRONS)]
        level = "secondaire" if index % 3 == 0 else "primaire"
        name = (
            f"École {level} {patron} ({town})"
            if level == "primaire"
            else f"École secondaire {patron} ({town})"
        )
        school_id = b.add(
            "school",
            name=name,
            municipality=town,
            service_centre=names.SERVICE_CENTRES[code],
            region_code=code,
        )
        schools.append((school_id, code, town))
    return schools
