"""Generate the Council of Europe slice: the organization and two of its bodies, its memberships,
Convention 108 (ETS No. 108) and the amending Protocol (CETS No. 223, "Convention 108+").

The tables below are transcribed by hand from the pages named in SOURCES; docs/notes/data-coe.md says
what each page shows and what could not be confirmed. Dates are ISO (YYYY-MM-DD); a date that no
page read gives is None and is left out (a year a page gives without the day goes into rdfs:comment).

Run:  .venv/bin/python data/generators/coe.py
(rewrites data/organizations/coe.ttl, data/memberships/coe.ttl, data/treaties/convention-108*.ttl)
"""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1]
TODAY = "2026-11-27"  # as-of for pages that state no "status as of" date

# ------------------------------------------------------------------ sources (URLs as the search gave them)
SOURCES = {
    # --- Council of Europe pages
    # CoE Office in Georgia: "set up on 5 May 1949 by 10 countries (...), joined by Greece and Republic of
    # Türkiye in August 1949. It now has 46 member states: Iceland and Germany (1950), ..." (the list of 46, years)
    "coe_46": "https://www.coe.int/fr/web/tbilisi/the-coe/objectives-and-missions",
    # CoE publication (Oct. 2010): "Founded on 5 May 1949 by 10 States (Belgium, Denmark, France, ...)"
    "coe_issuu": "https://issuu.com/councilofeurope/docs/the_council_of_europe_unlimited_connections_en_1_",
    # CoE archives: Russian Federation, accession 28 February 1996; "ceases to be a member ... as from 16 March 2022"
    "coe_rus": "https://www.coe.int/en/web/documents-records-archives-information/russian-federation",
    # CM Deputies, 1426ter meeting, 25 February 2022: suspension of Russia's rights of representation (Art. 8)
    "cm_20220225": "https://rm.coe.int/0900001680a5a360",
    # CoE 70th-anniversary timeline: "12 December 1969 - Greece withdraws", "28 November 1974 - Greece re-joins"
    "coe70_grc_out": "https://70.coe.int/1969-greece-withdraws-en.html",
    "coe70_grc_in": "https://70.coe.int/1974-greece-re-joins-en.html",
    # CoE newsroom (2024): "il 9 agosto 1949, la Grecia diventava l'undicesimo membro del Consiglio d'Europa"
    "coe_grc": "https://coe.int/it/web/portal/-/greece-marks-75-years-of-council-of-europe-membership?p_l_back_url=%2Fes%2Fweb%2Fportal%2Fnewsroom%3Fdelta%3D3%26start%3D9",
    # former CoE site (archived copy): "Turkey became a member of the Council of Europe on 9 August 1949."
    "coe_tur": "http://wikiwix.com/cache/?url=http://www.coe.int/T/E/Com/About_Coe/Member_states/e_tu.asp",
    "coe_isl": "http://coe.int/en/web/portal/iceland",  # "Iceland joined the Council of Europe on 7 March 1950."
    "coe_fin": "https://www.coe.int/en/web/portal/finland",  # "... 23rd member State ... on 5 May 1989."
    "coe_srb": "https://www.coe.int/en/web/portal/serbia",  # "... 45th member State ... on 3 April 2003"
    # CM Deputies, 967th meeting (14 June 2006): Serbia continues the membership of Serbia and Montenegro from 3 June 2006
    "cm_2006_967": "https://wcd.coe.int/ViewDoc.jsp?Ref=CM/Del/Dec(2006)967/2.3a&Language=lanEnglish&Ver=original&Site=COE&BackColorInternet=DBDCF2&BackColorIntranet=FDC864&BackColorLogged=FDC864",
    "coe_arm": "http://www.coe.int/en/web/yerevan/membership",  # "25 January 2001 Armenia became a full member"
    "coe_geo": "http://www.coe.int/t/dgap/tbilisi/pol_dialogue_en.asp?toPrint=yes",  # "On 27 April 1999 ... full-fledged member"
    "coe_mda": "https://www.coe.int/en/web/chisinau/republiv-of-moldova-and-the-council-of-europe",  # 13 July 1995
    "coe_alb": "https://www.coe.int/en/web/tirana/about-us",  # "Albania became member ... on 13 July 1995"
    "coe_mkd": "https://www.coe.int/en/web/skopje/home",  # "38th member State ... on 9 November 1995"
    # CoE newsroom: "Montenegro ... joined the Organisation on 11 May 2007" (German version)
    "coe_mne": "https://coe.int/de/web/portal/-/secretary-general-meets-prime-minister-of-montenegro?p_l_back_url=%2Fes%2Fweb%2Fportal%2Fnewsroom%3Fdelta%3D50%26start%3D26",
    "coe_tcy": "https://www.coe.int/en/web/cybercrime/tcy",  # T-CY "represents the State Parties to the Budapest Convention"
    # --- member States' own official pages (foreign ministries, permanent representations to the CoE)
    "che": "https://www.admin.ch/opc/fr/classified-compilation/19490104/index.html",  # instrument deposited 6 May 1963
    "aze": "https://coe.mfa.gov.az/en/content/42/history-of-azerbaijans-membership-in-the-council-of-europe",
    "hun": "https://strasbourg.mfa.gov.hu/hun/news/30th%20Anniversary%20of%20Hungary%20joining%20the%20Council%20of%20Europe",
    "hun_cm": "https://strasbourg.mfa.gov.hu/eng/page/europa-tanacs",  # founded 5 May 1949; CM = decision-making body
    "ukr": "https://coe.mfa.gov.ua/en/partnership/2554-cooperation",  # "On November 9, 1995 Ukraine became the 37th member"
    "deu_aa": "https://www.auswaertiges-amt.de/en/newsroom/news/100713-europarat/234212",  # 13 July 2010: "60 years ago today"
    "deu_de": "https://www.deutschland.de/en/news/75-years-of-germanys-membership-of-the-council-of-europe",
    "deu_bpb": "https://bpb.de/themen/zeit-kulturgeschichte/deutschland-chronik/131363/8-juli-1950",
    "svn": "http://www.strasbourg.predstavnistvo.si/index.php?id=2204&L=1",  # "admitted ... on 14 May 1993"
    "pol": "https://gov.pl/web/coe/poland-in-the-council-of-europe",  # "Poland joined ... on 26 November 1991"
    "cze": "https://mzv.gov.cz/jnp/en/foreign_relations/international_organisations/council_of_europe/index.html",
    "hrv": "https://mvep.gov.hr/print.aspx?id=245294&url=print",  # "On 6 November 1996, Croatia became a full member"
    "rou": "http://coe.mae.ro/node/1252",  # "La data de 7 octombrie 1993, România a semnat documente statutare"
    "bgr": "https://mfa.bg/en/news/33925",  # "On May 7, 1992, Bulgaria became a full member"
    "esp": "https://www.exteriores.gob.es/RepresentacionesPermanentes/ConsejodeEuropa/es/Organismo/Paginas/Historia.aspx",
    "prt": "https://www.dgpj.mj.pt/sections/english-version/international-affairs/international/council-of-europe",
    "mlt": "https://missions.foreign.gov.mt/permanent-representations/strasbourg/",  # "acceding on 29 April 1965"
    "lva": "https://mfa.gov.lv/en/article/latvia-member-council-europe-standing-guard-human-rights-democracy-and-rule-law-29-years",
    "est": "http://www.vm.ee/?q=en/node/4094",  # "On 14 May 1993 Estonia became a full-fledged member"
    "ltu": "https://www.lrs.lt/sip/portal.show?p_r=37805&p_k=2",  # Seimas: instruments deposited 14 May 1993
    "mco": "https://monaco-coe.gouv.mc/en/monaco-and-the-council-of-europe",  # "joined ... on 5 October 2004"
    "lie": "https://www.europarat.li/en/council-of-europe/membership-representation",  # "joined ... on 23 November 1978"
    # --- Convention 108
    # CoE Treaty Office, details of Treaty No.108: "Strasbourg, 28/01/1981", "Entry into Force 01/10/1985 - 5 Ratifications"
    "t108": "http://www.coe.int/en/web/conventions/full-list/-/conventions/treaty/108?_coeconventions_WAR_coeconventionsportlet_languageId=it_IT",
    # CoE data protection: opened 28 January 1981; "An amending protocol was adopted on 18 May 2018"
    "dp_background": "https://www.coe.int/web/data-protection/convention108/background",
    # CoE data protection (2016): "25.08.2016 - The Republic of Senegal deposited its instrument of accession ...
    # will enter into force in respect of Senegal on 1 December 2016"
    "dp_2016": "http://www.coe.int/t/dghl/standardsetting/dataprotection/default_en.asp?toPrint=yes",
    # CoE press release, Strasbourg 12.04.2013: Uruguay accedes; in force for Uruguay on 1 August 2013
    "coe_ury": "http://hub.coe.int/en/web/coe-portal/press/newsroom?p_p_id=newsroom&_newsroom_articleId=1405686&_newsroom_groupId=10226&_newsroom_tabs=newsroom-topnews&pager.offset=0",
    # CoE newsroom: Cabo Verde "today acceded"; in force for Cabo Verde on 1 October 2018
    "coe_cpv": "https://coe.int/en/web/portal/-/cabo-verde-joins-the-data-protection-and-cybercrime-conventions?p_l_back_url=%2Fru%2Fweb%2Fportal%2Fnewsroom%3Fdelta%3D50%26start%3D50",
    # CoE newsroom (Italian): Mexico "ha aderito oggi"; in force for Mexico on 1 October 2018
    "coe_mex": "https://coe.int/it/web/portal/-/mexico-joins-the-data-protection-convention",
    # CoE data protection: Argentina's instruments of accession "forwarded to the Secretary General on 25 February 2019";
    # in force for Argentina on 1 June 2019
    "coe_arg": "https://www.coe.int/web/data-protection/-/argentina-54th-party-to-convention-108",
    # Netherlands treaty database: ETS 108, "Parties with reservations, declarations and objections"
    "nl_108_decl": "https://verdragenbank.overheid.nl/en/Treaty/Details/000507_b",
    # --- CETS 223
    # Netherlands treaty database, CETS 223 party table (readable from Albania to Slovenia; no status date)
    "nl_223": "https://treatydatabase.overheid.nl/en/Treaty/Details/012982.html?expand-table=partijtabel",
    # wetten.overheid.nl (consulted 14-05-2025): Protocol "Straatsburg, 10-10-2018", "Treedt in werking op een nader te
    # bepalen tijdstip" (not yet in force)
    "nl_223_text": "https://wetten.overheid.nl/BWBV0006775/2018-10-10",
    # CoE news (opening ceremony): 21 signatures "today" in Strasbourg, incl. Spain, Sweden, United Kingdom, Uruguay
    "coe_223_open": "https://coe.int/be/web/portal/-/council-of-europe-treaty-bolstering-data-protection-opened-for-signature",
    # CoE data protection, 10 October 2019: first anniversary of the opening for signature; 21 signed on the opening day
    "coe_223_anniv": "https://coe.int/fr/web/data-protection/-/celebrating-the-first-anniversary-of-the-opening-for-signature-of-the-protocol-amending-convention-108-already-34-signatures-",
    # CoE data protection, 29 January 2021: Spain ratified CETS 223 on 28 January 2021; Party to ETS 108 since 1 October 1985
    "coe_esp_223": "https://www.coe.int/en/web/data-protection/-/ratification-of-convention-108-by-spain",
    # CoE data protection, 27 March 2023: France ratified CETS 223 today; "Having ratified Convention 108 in 1983"
    "coe_fra_223": "https://www.coe.int/en/web/data-protection/home/-/asset_publisher/RMbj8Pk1ApgJ/content/france-ratifies-convention-108-?_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_RMbj8Pk1ApgJ_assetEntryId=207179401",
    # Slovak data protection authority: "Protocol (CETS: 223)"
    "sk_dpa": "https://dataprotection.gov.sk/en/office/membership/council-europe",
}

RD108 = "https://www.coe.int/en/web/conventions/full-list?module=declarations-by-treaty&treatynum=108"

# ------------------------------------------------------------------ memberships
FOUNDERS = ["BEL", "DNK", "FRA", "IRL", "ITA", "LUX", "NLD", "NOR", "SWE", "GBR"]

# (alpha-3, start, sources, comment or None); order follows the CoE list of 46 by year of accession
MEMBERS = [(c, "1949-05-05", ["coe_46", "coe_issuu"], "Founding member: one of the ten States that founded the Council of Europe on 5 May 1949.")
           for c in FOUNDERS] + [
    ("TUR", "1949-08-09", ["coe_tur", "coe_46"], "Joined in August 1949 with Greece (CoE list of 46); the former CoE country page gives 9 August 1949."),
    ("ISL", "1950-03-07", ["coe_isl", "coe_46"], None),
    ("AUT", None, ["coe_46"], "Joined in 1956 (year only on the CoE list of 46; no official page read gives the day)."),
    ("CYP", None, ["coe_46"], "Joined in 1961 (year only on the CoE list of 46; no official page read gives the day)."),
    ("CHE", "1963-05-06", ["che", "coe_46"], "Instrument of accession deposited by Switzerland on 6 May 1963, in force for Switzerland the same day (Swiss Classified Compilation, SR 0.192.030)."),
    ("MLT", "1965-04-29", ["mlt", "coe_46"], None),
    ("PRT", "1976-09-22", ["prt", "coe_46"], "Portugal deposited its instrument of accession on 22 September 1976 and became the 19th member State."),
    ("ESP", "1977-11-24", ["esp", "coe_46"], None),
    ("LIE", "1978-11-23", ["lie", "coe_46"], None),
    ("SMR", None, ["coe_46"], "Joined in 1988 (year only on the CoE list of 46; no official page read gives the day)."),
    ("FIN", "1989-05-05", ["coe_fin", "coe_46"], None),
    ("HUN", "1990-11-06", ["hun", "coe_46"], "The Permanent Representation of Hungary marks 6 November as the day Hungary joined in 1990, the first former Communist State to join."),
    ("POL", "1991-11-26", ["pol", "coe_46"], None),
    ("BGR", "1992-05-07", ["bgr", "coe_46"], None),
    ("EST", "1993-05-14", ["est", "coe_46"], None),
    ("LTU", "1993-05-14", ["ltu", "coe_46"], "The Seimas page gives 14 May 1993 as the day the instruments of accession were deposited; the Lithuanian MFA page reads \"14 March 1993\", taken to be a slip."),
    ("SVN", "1993-05-14", ["svn", "coe_46"], None),
    ("CZE", "1993-06-30", ["cze", "coe_46"], "Czechoslovakia had been a member from 1991 until it ceased to exist on 31 December 1992; the Czech Republic joined anew."),
    ("SVK", None, ["coe_46"], "Joined in 1993 (year only on the CoE list of 46; no official page read gives the day)."),
    ("ROU", "1993-10-07", ["rou", "coe_46"], "Romania signed the statutory documents on 7 October 1993 in Vienna, following the invitation of 4 October 1993 (Resolution (93)37)."),
    ("AND", None, ["coe_46"], "Joined in 1994 (year only on the CoE list of 46; no official page read gives the day)."),
    ("LVA", "1995-02-10", ["lva", "coe_46"], None),
    ("ALB", "1995-07-13", ["coe_alb", "coe_46"], None),
    ("MDA", "1995-07-13", ["coe_mda", "coe_46"], None),
    ("UKR", "1995-11-09", ["ukr", "coe_46"], None),
    ("MKD", "1995-11-09", ["coe_mkd", "coe_46"], "Joined as \"the former Yugoslav Republic of Macedonia\"."),
    ("HRV", "1996-11-06", ["hrv", "coe_46"], None),
    ("GEO", "1999-04-27", ["coe_geo", "coe_46"], None),
    ("ARM", "2001-01-25", ["coe_arm", "coe_46"], None),
    ("AZE", "2001-01-25", ["aze", "coe_46"], None),
    ("BIH", None, ["coe_46"], "Joined in 2002 (year only on the CoE list of 46; no official page read gives the day)."),
    ("SRB", "2003-04-03", ["coe_srb", "cm_2006_967", "coe_46"], "Joined as Serbia and Montenegro on 3 April 2003; the Committee of Ministers noted that the Republic of Serbia continues that membership with effect from 3 June 2006 (CM/Del/Dec(2006)967/2.3a)."),
    ("MCO", "2004-10-05", ["mco", "coe_46"], None),
    ("MNE", "2007-05-11", ["coe_mne", "coe_46"], None),
]

# ------------------------------------------------------------------ Convention 108 participations
R, ACC = "ratification", "accession"
# (alpha-3, signature, consent kind, consent date, entry into force, sources, as-of, reservations link?, comment)
P108 = [
    ("FRA", None, R, None, None, ["coe_fra_223"], "2023-03-27", True,
     "The CoE page says France ratified Convention 108 in 1983 (year only)."),
    ("URY", None, ACC, None, "2013-08-01", ["coe_ury"], "2013-04-12", False,
     "First non-European State to accede (CoE press release of 12 April 2013); the day of deposit is not on the page read."),
    ("SEN", None, ACC, "2016-08-25", "2016-12-01", ["dp_2016"], TODAY, True, None),
    ("CPV", None, ACC, None, "2018-10-01", ["coe_cpv"], TODAY, True,
     "Acceded at a ceremony in Strasbourg; the day of deposit is not on the page read."),
    ("MEX", None, ACC, None, "2018-10-01", ["coe_mex"], TODAY, True,
     "Acceded at a ceremony in Strasbourg; the day of deposit is not on the page read."),
    ("ARG", None, ACC, "2019-02-25", "2019-06-01", ["coe_arg"], TODAY, True, None),
]

# ------------------------------------------------------------------ CETS 223 participations
# Netherlands treaty database (rows Albania to Slovenia): signature, consent date. Its "(R)" column lumps
# ratification, acceptance, approval and notification together: such consents are recorded without a kind, with a
# comment; France's kind is confirmed by a CoE page.
NL223 = {
    "ALB": ("2022-01-28", "2022-07-22"), "AND": ("2019-01-28", "2022-10-18"), "ARG": ("2019-09-19", "2023-04-17"),
    "ARM": ("2019-10-02", "2022-01-25"), "AUT": ("2018-10-10", "2022-07-13"), "BEL": ("2018-10-10", None),
    "BIH": ("2020-07-02", "2023-07-07"), "BGR": ("2018-10-10", "2019-12-10"), "CPV": ("2023-06-28", None),
    "HRV": ("2019-03-22", "2019-12-18"), "CYP": ("2019-01-09", "2020-09-21"), "CZE": ("2018-10-10", None),
    "EST": ("2018-10-10", "2020-09-16"), "FIN": ("2018-10-10", "2020-12-10"), "FRA": ("2018-10-10", "2023-03-27"),
    "DEU": ("2018-10-10", "2021-10-05"), "GRC": ("2019-09-06", None), "HUN": ("2019-01-09", "2023-10-19"),
    "ISL": ("2018-11-21", "2023-01-20"), "IRL": ("2018-10-10", None), "ITA": ("2019-03-05", "2021-07-08"),
    "LVA": ("2018-10-10", None), "LIE": ("2020-12-07", "2023-05-17"), "LTU": ("2018-10-10", "2020-01-23"),
    "LUX": ("2018-10-10", None), "MLT": ("2020-07-02", "2020-11-02"), "MUS": ("2020-09-04", "2020-09-04"),
    "MDA": ("2023-02-09", None), "MCO": ("2018-10-10", None), "NLD": ("2018-10-10", None),
    "MKD": ("2019-12-05", "2021-11-26"), "NOR": ("2018-10-10", None), "POL": ("2019-05-16", "2020-06-10"),
    "PRT": ("2018-10-10", "2023-10-18"), "ROU": ("2020-06-26", "2022-03-09"), "RUS": ("2018-10-10", None),
    "SMR": ("2019-07-16", "2023-11-16"), "SRB": ("2019-11-22", "2020-05-26"), "SVK": ("2019-12-17", "2023-06-15"),
    "SVN": ("2019-05-16", "2023-06-20"),
}
KIND223 = {"FRA": (R, ["coe_fra_223"])}  # CoE page: "deposited the instruments of ratification" on 27 March 2023
COMMENT223 = {
    "MDA": "The NL table shows \"(S)\" in the consent column of this row without a date; only the signature is recorded.",
    "RUS": "Signed on the opening day; no consent shown. The Russian Federation ceased to be a member of the Council of Europe on 16 March 2022.",
}
# rows past the legible part of the NL table: signed on the opening day (CoE news); consents, if any, not read
OPENING_DAY_ONLY = ["ESP", "SWE", "GBR", "URY"]


# ------------------------------------------------------------------ Turtle helpers
PREFIXES = {
    "cgo": "https://w3id.org/cybergov/ontology#", "dct": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "state": "https://w3id.org/cybergov/id/state/", "orgn": "https://w3id.org/cybergov/id/organization/",
    "mship": "https://w3id.org/cybergov/id/membership/", "role": "https://w3id.org/cybergov/id/role/",
    "treaty": "https://w3id.org/cybergov/id/treaty/", "part": "https://w3id.org/cybergov/id/participation/",
    "consent": "https://w3id.org/cybergov/id/consent/", "status": "https://w3id.org/cybergov/id/status/",
    "topic": "https://w3id.org/cybergov/id/topic/",
}


def header(comment: str, names: list[str]) -> str:
    lines = [f"# {line}" if line else "#" for line in comment.strip().splitlines()]
    lines += [f"@prefix {n}: <{PREFIXES[n]}> ." for n in names]
    return "\n".join(lines) + "\n"


def d(value: str) -> str:
    return f'"{value}"^^xsd:date'


def lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@en'


def srcs(keys: list[str]) -> str:
    return " , ".join(f"<{SOURCES[k]}>" for k in dict.fromkeys(keys))


def block(subject: str, props: list[tuple[str, str]]) -> str:
    body = " ;\n".join(f"    {p} {o}" for p, o in props)
    return f"{subject}\n{body} .\n"


# ------------------------------------------------------------------ organizations
def organizations() -> str:
    out = [header("""
The Council of Europe and two of its bodies. See docs/notes/data-coe.md for the sources and what was left out.
Generated by data/generators/coe.py; edit the generator, not this file.""",
                  ["cgo", "dct", "rdfs", "skos", "xsd", "orgn"])]
    out.append("\n# --- the organization\n")
    out.append(block("orgn:coe a cgo:RegionalOrganization ;", [
        ("dct:identifier", '"coe"'),
        ("rdfs:label", '"Council of Europe"@en'),
        ("skos:altLabel", '"CoE"@en , "Conseil de l\'Europe"@fr'),
        ("cgo:founded", d("1949-05-05")),
        ("rdfs:comment", lit("Set up on 5 May 1949 by ten States (Belgium, Denmark, France, Ireland, Italy, Luxembourg, the Netherlands, Norway, Sweden, the United Kingdom), which signed its Statute in London that day; seat in Strasbourg; 46 member States. The Russian Federation ceased to be a member on 16 March 2022.")),
        ("dct:source", srcs(["coe_46", "coe_issuu", "hun_cm"])),
        ("cgo:asOf", d(TODAY)),
    ]))
    out.append("\n# --- bodies\n")
    out.append(block("orgn:coe-committee-of-ministers a cgo:Committee ;", [
        ("dct:identifier", '"coe-committee-of-ministers"'),
        ("rdfs:label", '"Committee of Ministers of the Council of Europe"@en'),
        ("skos:altLabel", '"Committee of Ministers"@en'),
        ("cgo:subOrganizationOf", "orgn:coe"),
        ("rdfs:comment", lit("The decision-making body of the Council of Europe, made up of the foreign ministers of the member States (at the weekly level, their Permanent Representatives in Strasbourg). It decided on 16 March 2022 that the Russian Federation ceased to be a member.")),
        ("dct:source", srcs(["hun_cm", "coe_rus", "cm_20220225"])),
        ("cgo:asOf", d(TODAY)),
    ]))
    out.append("\n")
    out.append(block("orgn:coe-t-cy a cgo:Committee ;", [
        ("dct:identifier", '"coe-t-cy"'),
        ("rdfs:label", '"Cybercrime Convention Committee"@en'),
        ("skos:altLabel", '"T-CY"'),
        ("cgo:subOrganizationOf", "orgn:coe"),
        ("rdfs:comment", lit("Represents the States Parties to the Convention on Cybercrime (treaty:budapest-convention); based on Article 46 of the Convention, its consultations aim at facilitating the effective use and implementation of the Convention, the exchange of information and consideration of any future amendments.")),
        ("dct:source", srcs(["coe_tcy"])),
        ("cgo:asOf", d(TODAY)),
    ]))
    return "".join(out)


# ------------------------------------------------------------------ memberships
def membership(mid: str, code: str, role: str, start: str | None, end: str | None, reason: str | None,
               comment: str | None, keys: list[str], asof: str = TODAY) -> str:
    props = [("org:member", f"state:{code}"), ("org:organization", "orgn:coe"), ("org:role", f"role:{role}")]
    if start:
        props.append(("cgo:startDate", d(start)))
    if end:
        props.append(("cgo:endDate", d(end)))
    if reason:
        props.append(("cgo:endReason", f'"{reason}"'))
    if comment:
        props.append(("rdfs:comment", lit(comment)))
    props += [("dct:source", srcs(keys)), ("cgo:asOf", d(asof))]
    return block(f"mship:coe\\/{mid} a cgo:Membership ;", props)


def memberships() -> str:
    out = [header("""
Council of Europe memberships: the 46 member States (CoE list of 46, Office in Georgia) with the day each
joined where an official page read states it (CoE pages first, else the member State's own foreign ministry
or permanent representation); Greece's two spells, Germany's associate membership, and the Russian
Federation, whose membership ceased as from 16 March 2022. See docs/notes/data-coe.md.
Generated by data/generators/coe.py; edit the generator, not this file.""",
                  ["cgo", "dct", "org", "rdfs", "xsd", "state", "orgn", "mship", "role"])]
    out.append("\n# --- 1949: the founders\n")
    for code, start, keys, comment in MEMBERS[:10]:
        out.append(membership(code, code, "member", start, None, None, comment, keys) + "\n")
    out.append("# --- Greece: joined 9 August 1949, withdrew 12 December 1969, re-joined 28 November 1974\n")
    out.append(membership("GRC", "GRC", "member", "1949-08-09", "1969-12-12", "withdrawal",
                          "First spell. The CoE timeline dates the withdrawal to 12 December 1969, when Greece left during the Greek case (Regime of the Colonels); recorded as the first day Greece was no longer a member. Article 7 of the Statute may have deferred the legal effect of the notice; no official page read gives another date.",
                          ["coe_grc", "coe70_grc_out"]) + "\n")
    out.append(membership("GRC-2", "GRC", "member", "1974-11-28", None, None,
                          "Second spell: Greece re-joined after democracy was restored in 1974.",
                          ["coe70_grc_in", "coe_46"]) + "\n")
    out.append("# --- Germany: associate member from 13 July 1950, full member from 2 May 1951\n")
    out.append(membership("DEU-associate-member", "DEU", "associate-member", "1950-07-13", "1951-05-02",
                          "became a full member",
                          "The Federal Republic of Germany joined as an associate member, effective 13 July 1950 (the day the Federal Foreign Office marks as its joining), and became a full member on 2 May 1951.",
                          ["deu_de", "deu_bpb", "deu_aa"]) + "\n")
    out.append(membership("DEU", "DEU", "member", "1951-05-02", None, None,
                          "Full member (with a vote in the Committee of Ministers) since 2 May 1951; associate member from 13 July 1950 (see mship:coe/DEU-associate-member). The CoE list of 46 counts Germany among the 1950 accessions.",
                          ["deu_de", "deu_bpb", "coe_46"]) + "\n")
    out.append("# --- later accessions (1949-2007)\n")
    for code, start, keys, comment in MEMBERS[10:]:
        out.append(membership(code, code, "member", start, None, None, comment, keys) + "\n")
    out.append("# --- former member: the Russian Federation (expelled)\n")
    out.append(membership("RUS", "RUS", "member", "1996-02-28", "2022-03-16", "expulsion",
                          "Acceded on 28 February 1996. Suspended from its rights of representation on 25 February 2022 (Article 8 of the Statute); the Committee of Ministers then decided that the Russian Federation ceases to be a member \"as from 16 March 2022\" (Resolution CM/Res(2022)2), so 16 March 2022 is the first day it was no longer a member.",
                          ["coe_rus", "cm_20220225"]))
    return "".join(out)


# ------------------------------------------------------------------ treaties
def participation(slug: str, code: str, sig, kind, cdate, eif, keys, asof, rd: str | None, comment) -> str:
    props = [("cgo:participant", f"state:{code}"), ("cgo:instrument", f"treaty:{slug}")]
    if sig:
        props.append(("cgo:signatureDate", d(sig)))
    if kind:
        props.append(("cgo:consentKind", f"consent:{kind}"))
    if cdate:
        props.append(("cgo:consentDate", d(cdate)))
    if eif:
        props.append(("cgo:entryIntoForceDate", d(eif)))
    if rd:
        props.append(("cgo:reservationsAndDeclarations", f"<{rd}>"))
    if comment:
        props.append(("rdfs:comment", lit(comment)))
    props += [("dct:source", srcs(keys)), ("cgo:asOf", d(asof))]
    return block(f"part:{slug}\\/{code} a cgo:TreatyParticipation ;", props)


TREATY_PREFIXES = ["cgo", "dct", "rdfs", "skos", "xsd", "state", "orgn", "treaty", "part", "consent", "status", "topic"]


def convention_108() -> str:
    out = [header("""
Convention for the Protection of Individuals with regard to Automatic Processing of Personal Data (ETS No. 108)
and the participations read on official pages. PARTIAL: no CoE chart of signatures and ratifications of
Treaty 108 could be read, so only six participations are recorded (see docs/notes/data-coe.md); do not count
Parties from this file. Generated by data/generators/coe.py; edit the generator, not this file.""",
                  TREATY_PREFIXES)]
    out.append("\n# --- the treaty\n")
    out.append(block("treaty:convention-108 a cgo:Treaty ;", [
        ("dct:identifier", '"convention-108"'),
        ("rdfs:label", '"Convention for the Protection of Individuals with regard to Automatic Processing of Personal Data"@en'),
        ("skos:altLabel", '"Convention 108"@en , "ETS No. 108"'),
        ("cgo:adoptedBy", "orgn:coe"), ("cgo:depositary", "orgn:coe"),
        ("cgo:adoptionPlace", '"Strasbourg"'),
        ("cgo:openingForSignatureDate", d("1981-01-28")),
        ("cgo:entryIntoForceDate", d("1985-10-01")),
        ("cgo:status", "status:in-force"),
        ("cgo:topic", "topic:data-protection"),
        ("rdfs:comment", lit("Open for signature by the member States and for accession by non-member States; entered into force after 5 ratifications. Amended by the Protocol CETS No. 223 (treaty:convention-108-plus), not yet in force.")),
        ("dct:source", srcs(["t108", "dp_background"])),
        ("cgo:asOf", d(TODAY)),
    ]))
    out.append("\n# --- participations (official pages; the Treaty Office chart could not be read)\n")
    for code, sig, kind, cdate, eif, keys, asof, has_rd, comment in P108:
        keys = keys + (["nl_108_decl"] if has_rd else [])
        out.append(participation("convention-108", code, sig, kind, cdate, eif, keys, asof,
                                 RD108 if has_rd else None, comment) + "\n")
    return "".join(out).rstrip("\n") + "\n"


def convention_108_plus() -> str:
    out = [header("""
Protocol amending the Convention for the Protection of Individuals with regard to Automatic Processing of
Personal Data (CETS No. 223, "Convention 108+") and its participations. PARTIAL: the Netherlands treaty
database table is legible from Albania to Slovenia only; four more opening-day signatures come from CoE news.
See docs/notes/data-coe.md. Generated by data/generators/coe.py; edit the generator, not this file.""",
                  TREATY_PREFIXES)]
    out.append("\n# --- the protocol\n")
    out.append(block("treaty:convention-108-plus a cgo:Protocol ;", [
        ("dct:identifier", '"convention-108-plus"'),
        ("rdfs:label", '"Protocol amending the Convention for the Protection of Individuals with regard to Automatic Processing of Personal Data"@en'),
        ("skos:altLabel", '"Convention 108+"@en , "CETS No. 223" , "Modernised Convention 108"@en'),
        ("cgo:amends", "treaty:convention-108"),
        ("cgo:adoptedBy", "orgn:coe"), ("cgo:depositary", "orgn:coe"),
        ("cgo:adoptionDate", d("2018-05-18")),
        ("cgo:adoptionPlace", '"Strasbourg"'),
        ("cgo:openingForSignatureDate", d("2018-10-10")),
        ("cgo:status", "status:not-in-force"),
        ("cgo:topic", "topic:data-protection"),
        ("rdfs:comment", lit("Adopted by the Committee of Ministers on 18 May 2018 (128th session, Elsinore); opened for signature in Strasbourg on 10 October 2018, when 21 States signed. Not in force as of 14 May 2025 (Dutch official text: to enter into force at a date to be determined); the CoE noted on 27 March 2023, at France's ratification (the 22nd), that 16 more ratifications were needed.")),
        ("dct:source", srcs(["dp_background", "nl_223_text", "coe_223_anniv", "coe_fra_223", "sk_dpa"])),
        ("cgo:asOf", d("2025-05-14")),
    ]))
    out.append("\n# --- participations: Netherlands treaty database (Albania to Slovenia)\n")
    for code, (sig, cdate) in NL223.items():
        kind, extra = KIND223.get(code, (None, []))
        keys = ["nl_223"] + extra
        if sig == "2018-10-10" and code in ("AUT", "BEL", "BGR", "CZE", "EST", "FIN", "FRA", "DEU", "IRL", "LVA",
                                            "LTU", "LUX", "MCO", "NLD", "NOR", "PRT", "RUS"):
            keys.append("coe_223_open")  # named among the opening-day signatories
        comment = COMMENT223.get(code)
        if cdate and not kind:
            # the NL table's "(R)" lumps ratification, acceptance, approval and notification: the kind is not
            # stated, so it stays absent (the shapes warn about it) rather than being guessed
            comment = ("Consent shown as \"(R)\" in the NL table, which lumps ratification, acceptance, approval and "
                       "notification together; the kind is not recorded because the source does not state it.")
        out.append(participation("convention-108-plus", code, sig, kind, cdate, None, keys, TODAY, None, comment) + "\n")
    out.append("# --- participations past the legible rows: signed on the opening day (CoE news)\n")
    for code in OPENING_DAY_ONLY:
        if code == "ESP":
            out.append(participation("convention-108-plus", "ESP", "2018-10-10", R, "2021-01-28", None,
                                     ["coe_223_open", "coe_esp_223", "coe_223_anniv"], "2021-01-29", None,
                                     "Spain deposited its instrument of ratification on 28 January 2021, the 11th State to ratify.") + "\n")
        else:
            out.append(participation("convention-108-plus", code, "2018-10-10", None, None, None,
                                     ["coe_223_open", "coe_223_anniv"], "2019-10-10", None,
                                     "Signed on the opening day; later acts (if any) were not read, hence the early as-of date.") + "\n")
    return "".join(out).rstrip("\n") + "\n"


def main() -> None:
    files = {
        DATA / "organizations" / "coe.ttl": organizations(),
        DATA / "memberships" / "coe.ttl": memberships(),
        DATA / "treaties" / "convention-108.ttl": convention_108(),
        DATA / "treaties" / "convention-108-plus.ttl": convention_108_plus(),
    }
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(DATA.parent)}")


if __name__ == "__main__":
    main()
