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
    # copy of the Netherlands treaty database table for ETS 108 ("De partijen en gegevens zijn afkomstig van de
    # Verdragenbank"): entry into force per Party, legible from Albania to Portugal (Dutch order); no status date
    "nl_108_copy": "https://inview.nl/document/iddf2c47d40cdbac5fd651677064594204?ctx=21fbabc947eeb91cc6627c21efdf88f7",
    # Tractatenblad 2000, 69: further signatures (Slovenia 23 Nov 1993 ... Slovakia 14 April 2000) and deposits of
    # instruments of ratification, acceptance or approval (Slovenia 27 May 1994 ... Hungary 8 Oct 1997)
    "trb_2000_69": "https://zoek.officielebekendmakingen.nl/dossier/trb-2000-69.html",
    # CoE newsroom (German, c. January 2017-2018): "Alle 47 Mitgliedstaaten des Europarats, sowie Mauritius, Senegal,
    # Tunesien und Uruguay haben das Übereinkommen ratifiziert"
    "coe_dp_day": "https://coe.int/de/web/portal/-/data-protection-d-2?p_l_back_url=%2Fbe%2Fweb%2Fportal%2Fnewsroom%3Fdelta%3D50%26start%3D56",
    # CoE newsroom, 28 January 2022: Convention 108 "has 55 parties and 36 observers"; Armenia ratified CETS 223 on
    # 25 January, Albania signed it "today"
    "coe_2022": "https://coe.int/en/web/portal/-/data-protection-d-4?p_l_back_url=%2Fen%2Fweb%2Fportal%2Fnewsroom%3Fdelta%3D20%26start%3D69",
    # Czech MFA notice 115/2001 Sb. m. s. (text on mezisoudy.cz): signed 8 Sept 2000, ratification deposited 9 July
    # 2001, in force for the Czech Republic 1 Nov 2001
    "cz_108": "https://mezisoudy.cz/mezinarodni-umluvy/umluva-o-ochrane-osob-se-zretelem-na-automatizovane-zpracovani-osobnich-dat",
    # Slov-Lex, notice 49/2001 Z. z.: ratification deposited 13 Sept 2000, in force for Slovakia 1 Jan 2001
    "sk_108": "https://www.slov-lex.sk/pravne-predpisy/SK/ZZ/2001/49/20010214",
    # Romania, Law 682/2001 (legislatie.just.ro): ratifies the Convention "semnată de România la 18 martie 1997"
    "ro_108": "https://legislatie.just.ro/Public/DetaliiDocument/155269",
    # Moldova, National Centre for Personal Data Protection: signed 4 May 1998, in force for Moldova 1 June 2008
    "md_108": "http://datepersonale.md/md/internationale/",
    # Serbian Government (otvorenavlada.rs): bill amending the Law on ratification of the Convention
    "srb_108": "https://otvorenavlada.rs/?p=25939",
    # Belgian Justel: Convention in force for Belgium 01-09-1993 (cross-check of the NL copy)
    "be_108": "http://www.ejustice.just.fgov.be/cgi_loi/loi_a1.pl?language=nl&la=N&cn=1981012830&table_name=wet&caller=list&N&fromtab=wet&tri=dd+AS+RANK&rech=1&numero=1&sql=(text+contains+(''))",
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
    # CoE data protection, 10 December 2019: first ratification of CETS 223, by Bulgaria, "today 10 December 2019"
    "coe_bgr_223": "https://coe.int/en/web/data-protection/-/first-ratification-of-convention-108-congratulations-bulgaria",
    # Swiss Federal Office of Justice page (served on rayonverbot.ch/bj/...): Switzerland signed CETS 223 on
    # 21 November 2019 and ratified it on 7 September 2023
    "ch_223": "https://www.rayonverbot.ch/bj/de/home/staat/datenschutz/internationales/aktivitaeten.html",
    # Canton of Fribourg data protection authority: the Protocol enters into force only when 38 States have ratified
    "fr_ch_223": "https://fr.ch/de/oedsmb/news/schweiz-ratifiziert-konvention-108",
    # Austrian RIS, Statute of the Council of Europe (BGBl. Nr. 121/1956): in force (for Austria) 16.04.1956
    "ris_aut": "https://www.ris.bka.gv.at/eli/bgbl/1956/121/P0/NOR11000275?ResultFunctionToken=fe599e5d-7434-4fcf-8d06-e594d978da99&Position=101&Sort=0%7CAsc&Abfrage=Bundesnormen&Kundmachungsorgan=&Index=19*&Titel=&Gesetzesnummer=&VonArtikel=&BisArtikel=&VonParagraf=0&BisParagraf=&VonAnlage=&BisAnlage=&Typ=&Kundmachungsnummer=&Unterzeichnungsdatum=&FassungVom=03.01.2018&VonInkrafttretedatum=&BisInkrafttretedatum=&VonAusserkrafttretedatum=&BisAusserkrafttretedatum=&NormabschnittnummerKombination=Und&ImRisSeitVonDatum=&ImRisSeit=Undefined&ResultPageSize=100&Suchworte=",
    # Slovak data protection authority: "Protocol (CETS: 223)"
    "sk_dpa": "https://dataprotection.gov.sk/en/office/membership/council-europe",
    # --- third pass (CETS 223)
    # CoE data protection, Strasbourg 15 October 2021, "15th ratification of Convention 108+ : North Macedonia": "On
    # 13 October 2021, the Permanent Representant of North Macedonia ... has transmitted to the Secretary General the
    # instrument of ratification" of CETS 223 (the NL table gives 26-11-2021 for this consent; see COMMENT223)
    "coe_mkd_223": "https://www.coe.int/web/data-protection/-/15th-ratification-of-convention-108-north-macedonia",
    # CoE portal page "28 January - Data Protection Day" (item on the 18th Data Protection Day, conference of
    # 25 January 2024): "The Amending Protocol has been ratified by 31 states and is expected to enter into force in
    # 2024 once it reaches 38 ratifications" (a count, used in a consistency test; no names)
    "coe_dp_day_2024": "https://www.coe.int/en/web/portal/28-january-data-protection-day/",
}

RD108 = "https://www.coe.int/en/web/conventions/full-list?module=declarations-by-treaty&treatynum=108"

# ------------------------------------------------------------------ memberships
FOUNDERS = ["BEL", "DNK", "FRA", "IRL", "ITA", "LUX", "NLD", "NOR", "SWE", "GBR"]

# (alpha-3, start, sources, comment or None); order follows the CoE list of 46 by year of accession
MEMBERS = [(c, "1949-05-05", ["coe_46", "coe_issuu"], "Founding member: one of the ten States that founded the Council of Europe on 5 May 1949.")
           for c in FOUNDERS] + [
    ("TUR", "1949-08-09", ["coe_tur", "coe_46"], "Joined in August 1949 with Greece (CoE list of 46); the former CoE country page gives 9 August 1949."),
    ("ISL", "1950-03-07", ["coe_isl", "coe_46"], None),
    ("AUT", "1956-04-16", ["ris_aut", "coe_46"], "The Austrian legal information system (RIS, Statute of the Council of Europe, BGBl. Nr. 121/1956) gives 16.04.1956 as the day the Statute entered into force for Austria; under Article 42(c) a State becomes a Party on the day it deposits its instrument."),
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
# Parties to ETS 108. No CoE chart could be read; the records are assembled from these pages (see SOURCES):
#  - NL108_EIF: the copy of the Netherlands treaty database table "Partijen en gegevens" (inview.nl), legible from
#    Albania to Portugal (Dutch alphabetical order): entry into force for each Party;
#  - Trb. 2000, 69 (Tractatenblad): later signatures and deposits of "bekrachtiging, aanvaarding of goedkeuring";
#  - States' own gazettes (CZE, SVK, ROU, MDA) and CoE pages (ESP, FRA, URY, SEN, CPV, MEX, ARG);
#  - the NL database page of "Parties with reservations, declarations" (nl_108_decl) and the CoE newsroom page saying
#    that all 47 member States had ratified (coe_dp_day), for the Parties that sort after Portugal in the NL copy.
# Member States consent by ratification, acceptance or approval (Art. 22), non-member States by accession (Art. 23).
# As the brief for this project asks, a "ratification, acceptance or approval" is recorded as consent:ratification
# (the comment says so); accession by a non-member State as consent:accession.
NL108_EIF = {
    "ALB": "2005-06-01", "AND": "2008-09-01", "ARG": "2019-06-01", "ARM": "2012-09-01", "AZE": "2010-09-01",
    "BEL": "1993-09-01", "BIH": "2006-07-01", "BGR": "2003-01-01", "CYP": "2002-06-01", "DNK": "1990-02-01",
    "DEU": "1985-10-01", "EST": "2002-03-01", "FIN": "1992-04-01", "FRA": "1985-10-01", "GEO": "2006-04-01",
    "GRC": "1995-12-01", "HUN": "1998-02-01", "IRL": "1990-08-01", "ISL": "1991-07-01", "ITA": "1997-07-01",
    "CPV": "2018-10-01", "HRV": "2005-10-01", "LVA": "2001-09-01", "LIE": "2004-09-01", "LTU": "2001-10-01",
    "LUX": "1988-06-01", "MLT": "2003-06-01", "MAR": "2019-09-01", "MUS": "2016-10-01", "MEX": "2018-10-01",
    "MDA": "2008-06-01", "MCO": "2009-04-01", "MNE": "2006-06-06", "NLD": "1993-12-01", "MKD": "2006-07-01",
    "NOR": "1985-10-01", "UKR": "2011-01-01", "AUT": "1988-07-01", "POL": "2002-09-01", "PRT": "1994-01-01",
}
# Parties listed on the NL page of reservations and declarations (sets the reservationsAndDeclarations link)
RD108_PARTIES = {
    "ALB", "AND", "ARG", "AUT", "AZE", "BEL", "BIH", "CPV", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU",
    "HUN", "ISL", "IRL", "ITA", "LVA", "LIE", "LTU", "LUX", "MLT", "MUS", "MEX", "MDA", "MCO", "MNE", "NLD", "MKD",
    "NOR", "PRT", "ROU", "RUS", "SMR", "SEN", "SRB", "SVK", "SVN", "ESP", "SWE", "CHE", "TUN", "TUR", "UKR", "GBR",
}
NON_MEMBERS_108 = {"ARG", "CPV", "MAR", "MUS", "MEX", "SEN", "TUN", "URY"}
# Trb. 2000, 69: "Het Verdrag is voorts nog ondertekend voor" (signatures) and deposits of instruments of
# "bekrachtiging, aanvaarding of goedkeuring" (consents)
TRB_SIG = {"SVN": "1993-11-23", "ROU": "1997-03-18", "CHE": "1997-10-02", "MDA": "1998-05-04", "BGR": "1998-06-02",
           "POL": "1999-04-21", "EST": "2000-01-24", "LTU": "2000-02-11", "SVK": "2000-04-14"}
TRB_CONSENT = {"SVN": "1994-05-27", "GRC": "1995-08-11", "ITA": "1997-03-29", "CHE": "1997-10-02",
               "HUN": "1997-10-08"}
# per-State facts from other pages: code -> dict(sig, cdate, eif, keys, asof, comment)
EXTRA108 = {
    "CZE": dict(sig="2000-09-08", cdate="2001-07-09", eif="2001-11-01", keys=["cz_108"],
                comment="Czech MFA notice 115/2001 Sb. m. s.: signed at Strasbourg 8 September 2000, instrument of ratification deposited with the Secretary General 9 July 2001, in force for the Czech Republic 1 November 2001."),
    "SVK": dict(cdate="2000-09-13", eif="2001-01-01", keys=["sk_108"],
                comment="Slovak MFA notice 49/2001 Z. z.: instrument of ratification deposited at Strasbourg 13 September 2000 (ratified by the President 24 August 2000); in force for Slovakia 1 January 2001."),
    "ROU": dict(keys=["ro_108"],
                comment="Law No. 682 of 28 November 2001 ratifies the Convention, \"signed by Romania on 18 March 1997\"; the day the instrument was deposited is not on an official page read."),
    "MDA": dict(keys=["md_108"],
                comment="Moldova's National Centre for Personal Data Protection: signed 4 May 1998, ratified by Parliament Decision No. 483-XIV of 2 July 1999 (a national act; the day of deposit is not given), in force for Moldova 1 June 2008."),
    "ESP": dict(eif="1985-10-01", keys=["coe_esp_223"],
                comment="The CoE page (29 January 2021) says Spain \"has been Party to Convention 108 since 1 October 1985\"; signature and deposit days not read."),
    "FRA": dict(keys=["coe_fra_223"],
                comment="The CoE page (27 March 2023) says France ratified Convention 108 in 1983 (year only)."),
    "URY": dict(eif="2013-08-01", keys=["coe_ury"], asof="2013-04-12",
                comment="First non-European State to accede (CoE press release of 12 April 2013); the day of deposit is not on the page read."),
    "SEN": dict(cdate="2016-08-25", eif="2016-12-01", keys=["dp_2016"]),
    "CPV": dict(keys=["coe_cpv"], comment="Acceded at a ceremony in Strasbourg; the day of deposit is not on the page read."),
    "MEX": dict(keys=["coe_mex"], comment="Acceded at a ceremony in Strasbourg; the day of deposit is not on the page read."),
    "ARG": dict(cdate="2019-02-25", eif="2019-06-01", keys=["coe_arg"]),
    "BEL": dict(keys=["be_108"]),
    "MNE": dict(kind=None, comment="The NL copy gives 6 June 2006 (the day Montenegro became independent) as the day the Convention took effect for Montenegro; the kind of consent (probably succession, not ratification) is not shown in the legible part, so none is recorded."),
    "SRB": dict(keys=["srb_108"],
                comment="Party per the NL page of declarations and the CoE count; the Serbian Government's bill amending the Law on the ratification of the Convention (published in Sl. list SRJ - Medjunarodni ugovori 1/92, Sl. list SCG 11/2005, Sl. glasnik RS 98/2008) shows a ratification law; the day of deposit is not on an official page read."),
    "RUS": dict(comment="Party per the NL page of declarations (the Russian Federation ceased to be a CoE member on 16 March 2022; the Convention is also open to non-members). A news agency (ITAR-TASS, 16 May 2013) reports the deposit of the instrument of ratification \"yesterday\"; not an official page, so no date is recorded."),
}
AFTER_PORTUGAL = ["ROU", "RUS", "SMR", "SEN", "SRB", "SVN", "SVK", "ESP", "CZE", "TUN", "TUR", "URY", "GBR", "SWE",
                  "CHE"]


def p108_rows() -> list[tuple]:
    """(code, sig, kind, cdate, eif, keys, asof, rd?, comment) for each of the 55 Parties."""
    codes = sorted(set(NL108_EIF) | set(AFTER_PORTUGAL))
    rows = []
    for code in codes:
        x = EXTRA108.get(code, {})
        keys, notes = [], []
        sig = x.get("sig") or TRB_SIG.get(code)
        cdate = x.get("cdate") or TRB_CONSENT.get(code)
        eif = x.get("eif") or NL108_EIF.get(code)
        if code in NL108_EIF:
            keys.append("nl_108_copy")
        if code in TRB_SIG or code in TRB_CONSENT:
            keys.append("trb_2000_69")
        keys += x.get("keys", [])
        if code in RD108_PARTIES:
            keys.append("nl_108_decl")
        if code in NON_MEMBERS_108:
            kind = ACC
            keys.append("t108")
        elif "kind" in x:  # the member-State rule does not hold for this State (e.g. a successor State)
            kind = x["kind"]
            keys.append("coe_dp_day")
        else:
            kind = R
            keys.append("coe_dp_day")
            notes.append("A CoE member State when it consented: recorded as consent:ratification; Trb., the NL "
                         "database and the CoE pages group ratification, acceptance and approval together.")
        if code in TRB_CONSENT and code not in ("CHE",):
            notes.insert(0, "Trb. 2000, 69 lists the deposit of an instrument of \"bekrachtiging, aanvaarding of "
                            "goedkeuring\" (ratification, acceptance or approval) on this day.")
        if code == "CHE":
            notes.insert(0, "Trb. 2000, 69 lists both the signature and the deposit of the instrument of ratification, "
                            "acceptance or approval on 2 October 1997.")
        if x.get("comment"):
            notes.insert(0, x["comment"])
        if code in AFTER_PORTUGAL and code not in NL108_EIF and not eif:
            notes.append("Its row sorts after Portugal in the NL copy and could not be read: no entry into force recorded.")
        rows.append((code, sig, kind, cdate, eif, keys, x.get("asof", TODAY), code in RD108_PARTIES,
                     " ".join(notes) or None))
    return rows


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
# kinds confirmed by a CoE page: France "deposited the instruments of ratification" (27 March 2023); Bulgaria's
# "first ratification" (10 December 2019); "its ratification by Armenia on 25 January" (2022)
KIND223 = {"FRA": (R, ["coe_fra_223"]), "BGR": (R, ["coe_bgr_223"]), "ARM": (R, ["coe_2022"]),
           "ALB": (None, ["coe_2022"]),
           # third pass: CoE news of 15 October 2021 ("instrument of ratification", "the 15th state to ratify")
           "MKD": (R, ["coe_mkd_223"])}
# rows past the legible part of the NL table, from other official pages: code -> (sig, consent, keys, comment)
LATER223 = {
    "CHE": ("2019-11-21", "2023-09-07", ["ch_223"],
            "The Swiss Federal Office of Justice page says Switzerland signed the Protocol on 21 November 2019 and ratified it on 7 September 2023."),
}
COMMENT223 = {
    "MKD": ("The kind (ratification) is confirmed by CoE news of 15 October 2021, which says the Permanent Representative "
            "transmitted the instrument of ratification to the Secretary General on 13 October 2021 (the 15th ratification). "
            "The NL table gives 26-11-2021 for this consent; the two sources disagree on the day and the NL date is kept "
            "(it may be the day the original instrument was received; not confirmed)."),
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
and its 55 Parties (the CoE count of 28 January 2022: "55 parties"). No CoE chart of signatures and ratifications of
Treaty 108 could be read: the records come from a copy of the Netherlands treaty database table (entry into force,
Albania to Portugal), the Tractatenblad, States' gazettes and CoE pages. Many signature and consent days are
missing (see docs/notes/data-coe.md). Generated by data/generators/coe.py; edit the generator, not this file.""",
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
    out.append("\n# --- participations: one per Party (the Treaty Office chart could not be read)\n")
    for code, sig, kind, cdate, eif, keys, asof, has_rd, comment in p108_rows():
        out.append(participation("convention-108", code, sig, kind, cdate, eif, keys, asof,
                                 RD108 if has_rd else None, comment) + "\n")
    return "".join(out).rstrip("\n") + "\n"


def convention_108_plus() -> str:
    out = [header("""
Protocol amending the Convention for the Protection of Individuals with regard to Automatic Processing of
Personal Data (CETS No. 223, "Convention 108+") and its participations. PARTIAL: the Netherlands treaty
database table is legible from Albania to Slovenia only; Switzerland comes from a Swiss federal page and four more
opening-day signatures from CoE news.
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
        ("rdfs:comment", lit("Adopted by the Committee of Ministers on 18 May 2018 (128th session, Elsinore); opened for signature in Strasbourg on 10 October 2018, when 21 States signed. Not in force as of 14 May 2025 (Dutch official text: to enter into force at a date to be determined); the CoE noted on 27 March 2023, at France's ratification (the 22nd), that 16 more ratifications were needed, and in January 2024 that 31 States had ratified it and that it would enter into force once it reached 38 ratifications; a Swiss cantonal data protection authority notes it enters into force only once 38 States have ratified it.")),
        ("dct:source", srcs(["dp_background", "nl_223_text", "coe_223_anniv", "coe_fra_223", "coe_dp_day_2024",
                             "fr_ch_223", "sk_dpa"])),
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
            # the NL table's "(R)" lumps ratification, acceptance, approval and notification: recorded as
            # consent:ratification, as the project's convention for NL "(R)" asks, and said so in the comment
            kind = R
            comment = ("Consent shown as \"(R)\" in the NL table, which lumps ratification, acceptance, approval and "
                       "notification together; recorded as consent:ratification by convention, the exact kind is not "
                       "stated by the source.")
        out.append(participation("convention-108-plus", code, sig, kind, cdate, None, keys, TODAY, None, comment) + "\n")
    out.append("# --- participations past the legible rows: other official pages\n")
    for code, (sig, cdate, keys, comment) in LATER223.items():
        out.append(participation("convention-108-plus", code, sig, R, cdate, None, keys, TODAY, None, comment) + "\n")
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
