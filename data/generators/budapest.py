"""Generate the Budapest Convention slice (ETS 185, ETS 189, CETS 224) from the tables below.

The tables are transcribed by hand from the pages named in SOURCES (see
docs/notes/data-budapest.md for what each page shows and what could not be confirmed).
Dates are ISO (YYYY-MM-DD); a date a source does not give is None and is left out.

Run:  .venv/bin/python data/generators/budapest.py   (rewrites data/treaties/budapest-*.ttl)
"""
from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "treaties"
TODAY = "2026-11-27"  # as-of for pages that state no "status as of" date

# ------------------------------------------------------------------ sources (URLs as the search gave them)
SOURCES = {
    # Council of Europe Treaty Office chart of Treaty 185, "Status as of 03/12/2015" (members A-Germany legible)
    "chart185_2015": "http://www.coe.int/en/web/conventions/full-list/-/conventions/treaty/185/signatures?p_auth=igXbHmd5",
    # older Treaty Office chart of Treaty 185, "Status as of: 18/6/2004" (members A-Iceland legible)
    "chart185_2004": "http://conventions.coe.int/Treaty/Commun/ChercheSig.asp?NT=185&CM=8&DF=18/06/04&CL=ENG",
    # CoE news, 20 June 2024: Benin, Fiji, Kiribati accede to ETS 185; Benin to ETS 189; Czechia, Sierra Leone sign CETS 224
    "coe_20240620": "https://coe.int/en/web/cybercrime/-/30th-t-cy-plenary-treaty-ceremony-sees-budapest-convention-reach-75-parties-benin-accede-to-the-first-protocol-and-czech-republic-and-sierra-leone-sign-the-second-additional-protocol",
    # speech of the CoE Deputy Secretary General at that ceremony ("Following Sierra Leone's accession in April")
    "coe_dsg_2024": "https://coe.int/fr/web/deputy-secretary-general/-/cybercrime-treaty-signing-ceremony",
    # CoE gallery, 30 November 2022: Brazil accedes to ETS 185; six States sign CETS 224
    "coe_20221130": "https://www.coe.int/en/web/cybercrime/gallery-brazil-accedes-to-the-convention-on-cybercrime-and-six-states-sign-the-new-protocol-on-e-evidence",
    # speech of the CoE Deputy Secretary General, 30 November 2022 ("Brazil will today deposit the instrument of accession")
    "coe_dsg_2022": "https://www.coe.int/en/web/deputy-secretary-general/-/treaty-signature-ceremony-of-the-second-additional-protocol-to-the-convention-on-cybercrime-on-enhanced-co-operation-and-disclosure-of-electronic-evid",
    # CoE conference page: CETS 224 formally approved 17 November 2021, opened for signature 12 May 2022 in Strasbourg
    "coe_224_opening": "https://www.coe.int/en/web/cybercrime/opening-for-signature-of-the-second-additional-protocol-to-the-cybercrime-convention",
    # CoE Treaty Office, Reservations and Declarations for Treaty No.189, "Status as of 09/02/2016"
    "decl189_2016": "http://www.coe.int/en/web/conventions/search-on-treaties/-/conventions/treaty/189/declarations",
    # CoE cybercrime page on the First Additional Protocol (title, ETS No. 189)
    "coe_189_page": "https://coe.int/en/web/cybercrime/first-additional-protocol",
    # Tractatenblad 2003, 60 (official journal of the Kingdom of the Netherlands): text of ETS 189, "Straatsburg, 28 januari 2003"
    "trb_2003_60": "https://zoek.officielebekendmakingen.nl/trb-2003-60.html",
    # copy of the official text of CETS 224 (preamble: ETS 189 "opened for signature in Strasbourg on 28 January 2003")
    "cets224_text": "https://scribd.com/document/712764286/Second-Additional-Protocol-to-the-Budapest-Convention-EnG",
    # Netherlands treaty database, parties to CETS 224 (older copy: complete list, Albania-United States)
    "nl_224_a": "https://verdragen.nl/en/Treaty/Details/013833_p.html",
    # Netherlands treaty database, parties to CETS 224 (newer copy: adds Hungary's ratification; legible to Sri Lanka)
    "nl_224_b": "https://verdragenbank.overheid.nl/en/Treaty/Details/013833_p.html",
    # United States: Senate Treaty Doc. 108-11 (signed by the United States on November 23, 2001)
    "us_senate": "https://www.govinfo.gov/content/pkg/CDOC-108tdoc11/html/CDOC-108tdoc11.htm",
    # United States: instrument deposited 29 September 2006, in force for the US 1 January 2007
    "us_embassy": "https://japan2.usembassy.gov/e/p/2006/tp-20061002-04.html",
    # Japan MOFA, 4 July 2012: instrument of acceptance deposited 3 July 2012, in force for Japan 1 November 2012
    "jp_mofa_2012": "http://www.mofa.go.jp/announce/announce/2012/7/0704_01.html",
    # Japan MOFA, 16 January 2025: same dates; CETS 224 acceptance 10 August 2023; CETS 224 not yet in force
    "jp_mofa_2025": "https://www.mofa.go.jp/fp/is_sc/pagewe_000001_00080.html",
    # Tractatenblad 2007, 10 (official journal of the Kingdom of the Netherlands), "E. PARTIJGEGEVENS" (no status date)
    "trb_2007_10": "https://zoek.officielebekendmakingen.nl/trb-2007-10.html",
    # Ireland, Department of Justice: Minister's statement (Dail, 16 January 2019): Ireland signed on 28 February 2002
    "ie_justice": "http://www.inis.gov.ie/en/JELR/Pages/SP19000010",
    # --- added in the follow-up pass (see docs/notes/data-budapest.md, "Second pass") ---
    # CoE Treaty Office depositary notification JJ7249C Tr./185-67, Strasbourg, 1 June 2011 (copy on doczz):
    # United Kingdom, date of ratification 25 May 2011, entry into force for the UK 1 September 2011
    "coe_notif_gbr": "https://doczz.fr/doc/5534207/please-quote--jj7249c-tr.-185-67-strasbourg--1-june-2011",
    # CoE Treaty Office depositary notification JJ7505C Tr./185-76, Strasbourg, 7 December 2012 (copy on doczz):
    # Australia, date of accession 30 November 2012, entry into force for Australia 1 March 2013
    "coe_notif_aus": "https://fr.doczz.net/doc/2284910/185-a-ftr-aut---conseil-de-l-europe",
    # Mutual Assistance in Criminal Matters (Cybercrime) Regulation 2013 (copy): commences 1 March 2013,
    # "the day the Convention enters into force for Australia"
    "au_regulation": "https://www.global-regulation.com/law/australia/224866/mutual-assistance-in-criminal-matters-%252528cybercrime%252529-regulation-2013.html",
    # Portugal, Procuradoria-Geral da Republica (GDDC) treaty database, ETS 185: signed 23/11/2001,
    # ratification deposited 24/03/2010, in force for Portugal 01/07/2010
    "pt_gddc_185": "https://gddc.ministeriopublico.pt/instrumento/convencao-sobre-o-cibercrime-0",
    # same database, ETS 189: in force internationally 01/03/2006; Portugal signed 17/03/2003, ratification
    # deposited 24/03/2010, in force for Portugal 01/07/2010
    "pt_gddc_189": "https://gddc.ministeriopublico.pt/instrumento/protocolo-adicional-convencao-sobre-o-cibercrime-relativo-incriminacao-de-actos-de",
    # Switzerland, Federal Office of Justice: signed 23 November 2001; in force for Switzerland 1 January 2012
    "ch_bj": "https://www.bj.admin.ch/bj/de/home/sicherheit/gesetzgebung/archiv/cybercrime-europarat.html",
    # copy of SR 0.311.43 (Swiss Classified Compilation), "Stand am 14. September 2020":
    # Swiss instrument of ratification deposited 21 September 2011, in force for Switzerland 1 January 2012
    "ch_sr": "https://www.droit-bilingue.ch/de-fr/0.3/0.31/0.311.43-preface-1.html",
    # Portugal, Diario da Republica, Aviso 29/2012 of 9 May 2012 (copy): Malta deposited its instrument of
    # ratification (the notice says 13 April 2012 in one place and 12 April in another)
    "pt_aviso_mlt": "https://dre.tretas.org/dre/300237/aviso-29-2012-de-9-de-maio",
    # Government of Canada news release, 8 July 2015: "today announced that Canada has ratified" ETS 185
    "ca_news": "https://www.canada.ca/en/news/archive/2015/07/canada-completes-ratification-convention-cybercrime.html",
    # Netherlands treaty database, modifications log of ETS 185 (page 2): Cote d'Ivoire added,
    # Ratification 29-07-2024 (A), entry into force 01-11-2024; Benin modified, entry into force 01-10-2024
    "nl_185_log": "https://verdragen.nl/en/Treaty/Details/009852_w?page=2",
    # Chile, Decreto 83 of 27 April 2017 (Ministry of Foreign Affairs), promulgating ETS 185 (copy of the
    # leychile.cl text): instrument of accession deposited with the CoE Secretary General on 20 April 2017
    "cl_decreto": "http://docplayer.es/83353667-Id-norma-https-www-leychile-cl-n-i-f-p.html",
    # CoE Octopus country wiki, Philippines: "Status: Party"; "a party to the Budapest Convention since 2018"
    "ph_coe": "https://www.coe.int/en/web/octopus/country-wiki-ap/-/asset_publisher/CmDb7M4RGb4Z/content/philippines",
    # Philippine Department of Justice, 27 February 2018: Senate concurred in the accession on 19 February 2018
    "ph_doj": "https://doj.gov.ph/news_article.html?newsid=587",
    # copy of the Verkhovna Rada text of ETS 185 (doc 994_575): signed 23.11.2001, ratified by law of
    # 07.09.2005, in force 01.07.2006
    "ua_rada": "https://ts.lica.com.ua/1/text/247210",
    # Bundesgesetzblatt 2011 II Nr. 23, p. 843 (Bekanntmachung of 16 August 2011) on ETS 189: Germany deposited
    # its ratification on 10 June 2011, in force for Germany 1 October 2011; list of other States and dates
    "bgbl_189": "https://www.bgbl.de/xaver/bgbl/start.xav?startbk=Bundesanzeiger_BGBl&start=//*%5B@attr_id='bgbl211s0843b.pdf'%5D",
    # Federal Court of Justice library, materials on the German act on ETS 189: Germany signed it on 28 January 2003
    "bgh_189": "http://www.bundesgerichtshof.de/DE/Bibliothek/GesMat/WP17/R/Rassismus.html;jsessionid=DD977E7ADB79DD8BC902493E5959CCE2.2_cid359?nn=558188",
    # Luxembourg official journal (Legilux), notice of 8 March 2019: San Marino ratified ETS 189 on 8 March 2019,
    # in force for San Marino 1 July 2019 (from a notification of the CoE Secretary General)
    "lu_smr_189": "http://legilux.public.lu/eli/etat/leg/div/2019/03/08/a162/jo",
    # Luxembourg official journal (Memorial), notice of 17 March 2017: Monaco's reservation "consignee dans
    # l'instrument de ratification depose le 17 mars 2017" (ETS 189)
    "lu_mco_189": "http://memorial.lu/eli/etat/leg/div/2017/03/17/a367/jo",
    # Portugal, Aviso 70/2016 of 29 June 2016 (quoted in full on a private site): the CoE Secretary General
    # notified on 8 August 2014 that the Czech Republic deposited its ratification of ETS 189 on 7 August 2014
    "pt_aviso_cze_189": "https://regulacaodociberespaco.com/inicio/legislacao/deposito-pela-republica-checa-instrumento-ratificacao-protocolo-adicional-convencao-sobre-cibercrime-relativo-incriminacao-atos-natureza-racista-xenofoba-praticados-atraves-sistemas-informaticos/",
    # --- added in the third pass (see docs/notes/data-budapest.md, "Third pass") ---
    # copy (inview.nl, a commercial republisher) of the Netherlands treaty database (verdragenbank.overheid.nl)
    # table "Partijen en gegevens" of ETS 185: entry-into-force date per party, legible from Albania to Moldova;
    # no status date (Benin, Fiji, Kiribati are listed, Cote d'Ivoire is not: a mid-2024 snapshot)
    "nl_185_parties": "https://inview.nl/document/ida9135c0f2679103f04a4f8f7d99c2d8c",
    # Poland, Dziennik Ustaw 2015 poz. 729 (copy on infor.pl): government statement of 2 April 2015; in force
    # for Poland 1 June 2015; list "states that became or will become parties on the dates below" (legible to Spain)
    "pl_2015": "http://www.infor.pl/akt-prawny/DZU.2015.102.0000729,oswiadczenie-rzadowe-w-sprawie-mocy-obowiazujacej-konwencji-rady-europy-o-cyberprzestepczosci-sporzadzonej-w-budapeszcie-dnia-23-listopada-2001-r.html",
    # Portugal, Aviso 11/2015 of 25 February 2015 (copy of the Diario da Republica): CoE notification of Latvia's
    # withdrawal of a reservation "contained in the instrument of ratification deposited on 14 February 2007"
    "pt_aviso_lva": "https://dre.tretas.org/dre/475113/aviso-11-2015-de-25-de-fevereiro",
    # Portugal, Aviso 66/2016 of 24 June 2016 (two copies): CoE notification of 10 July 2015, Canada deposited its
    # instrument of ratification on 8 July 2015, with reservations and declarations
    "pt_aviso_can": "https://dre.tretas.org/dre/2643134/aviso-66-2016-de-24-de-junho",
    "pt_aviso_can_b": "https://diario.vlex.pt/vid/aviso-n-66-2016-760451189",
    # Portugal, Aviso 168/2010 of 4 August 2010 (quoted in full on a private site): Spain deposited its
    # instruments of ratification on 3 June 2010, with declarations
    "pt_aviso_esp": "http://regulacaodociberespaco.com/legislacao/deposito-pelo-governo-reino-espanha-instrumentos-ratificacao-convencao-sobre-cibercrime",
    # Slovakia, notice 137/2008 Z.z. of the Ministry of Foreign Affairs (copy): instrument of ratification
    # deposited 8 January 2008, in force for Slovakia 1 May 2008
    "sk_137_2008": "http://www.ucps.sk/Dohovor_o_pocitacovej_kriminalite",
    # Slovakia, notice 167/2021 Z.z. (copy): repeats the deposit of 8 January 2008 (withdrawal of a reservation)
    "sk_167_2021": "https://www.zakonypreludi.sk/zz/2021-167",
    # CoE T-CY news, Strasbourg 28 April 2021: Sweden "today deposited ... the instrument of ratification" (ETS 185, 189)
    "coe_swe_2021": "https://www.coe.int/en/web/cybercrime/t-cy-news/-/asset_publisher/GxUcENEFhivB/content/sweden-joins-the-budapest-convention-and-its-additional-protocol?inheritRedirect=false&redirect=https%3A%2F%2Fwww.coe.int%2Fen%2Fweb%2Fcybercrime%2Ft-cy-news%3Fp_p_id%3D101_INSTANCE_GxUcENEFhivB%26p_p_lifecycle%3D0%26p_p_state%3Dnormal%26p_p_mode%3Dview%26p_p_col_id%3Dcolumn-4%26p_p_col_count%3D1",
    # Norway, Ot.prp. nr. 40 (2004-2005), chapter 2: the Convention was "undertegnet av Norge 23. november" 2001
    "no_otprp": "https://www.regjeringen.no/no/dokumenter/otprp-nr-40-2004-2005-/id395852/?ch=2",
    # Norwegian Ministry of Justice press release of 9 July 2025 (copy on pubt.io): "Norge ratifiserte
    # Europaradets konvensjon om datakriminalitet i 2006" (year only)
    "no_press_2025": "https://pubt.io/view/DA317D7C92D359AD79E2B0EE50247274D8944151",
    # Liechtenstein, Government report BuA 76/2015: signed in Strasbourg on 17 November 2008
    "li_bua": "https://bua.regierung.li/BuA/default.aspx?erweitert=true&nr=76&year=2015",
    # CoE T-CY news listing: "Colombia deposited the instrument of accession to the Budapest Convention"
    "coe_tcy_news": "https://www.coe.int/en/web/cybercrime/t-cy-news",
    # CoE T-CY page, news of 28 August 2022: original instrument confirming Nigeria's accession received;
    # "The Convention will enter into force for Nigeria on 1 November 2022"
    "coe_tcy": "https://www.coe.int/en/web/cybercrime/tcy",
    # WIPO Lex, remarks for Israel on the Convention on Cybercrime: "Reserves faites lors de l'adhesion"
    "wipo_isr": "https://wipo.int/wipolex/fr/treaties/parties/remarks/IL/952",
    # --- added in the fourth pass (see docs/notes/data-budapest.md, "Fourth pass") ---
    # Netherlands treaty database, party table of ETS 189 ("Partij | Ondertekening | ... | In werking"), legible from
    # Albania to Ukraine; no status date (it shows Malta's ratification of 04-06-2025)
    "nl_189_parties": "https://verdragen.nl/nl/Verdrag/Details/010573_p.html?expand-table=partijtabel",
    # CoE Treaty Office notification JJ7848C Tr./185-85, Strasbourg, 6 October 2014 (copy on doczz): Turkey,
    # "Date de la ratification : 29 septembre 2014", "Date d'entree en vigueur a l'egard de la Turquie : 1er janvier 2015"
    "coe_notif_tur": "https://doczz.fr/doc/4603922/secr%C3%A9tariat-g%C3%A9n%C3%A9ral---conseil-de-l-europe",
    # CoE portal news, 9 May 2017: "The Kingdom of Tonga has today acceded to the Budapest Convention" (English and
    # German versions; the German one carries the date "Europarat Strassburg 9. Mai 2017")
    "coe_ton_news": "https://coe.int/be/web/portal/-/tonga-joins-the-budapest-convention-on-cybercrime",
    "coe_ton_news_de": "https://www.coe.int/de/web/portal/-/tonga-joins-the-budapest-convention-on-cybercrime",
    # CoE Treaty Office, declarations of Tonga on Treaty 185 (German page, "Datum 20/10/2017"): "deposited with the
    # instrument of accession on 9 May 2017"; "In Kraft: 01/09/2017"
    "coe_decl_ton": "https://www.coe.int/de/web/conventions/full-list/-/conventions/treaty/185/declarations?p_auth=HpCPaY7G&_coeconventions_WAR_coeconventionsportlet_enVigueur=false&_coeconventions_WAR_coeconventionsportlet_searchBy=state&_coeconventions_WAR_coeconventionsportlet_codePays=TON&_coeconventions_WAR_coeconventionsportlet_codeNature=3",
    # Luxembourg official journal (Legilux), notice of 29 June 2018: Morocco acceded on 29 June 2018, in force for
    # Morocco 1 October 2018 (from a notification of the CoE Secretariat General)
    "lu_mar_185": "http://data.legilux.public.lu/file/eli-etat-leg-div-2018-06-29-a583-jo-fr-html.html",
    # CoE Deputy Secretary General, Strasbourg 29 June 2018: "Aujourd'hui, le Maroc a depose les instruments
    # d'adhesion a la Convention de Budapest ... et a son Protocole additionnel"
    "coe_dsg_mar": "https://www.coe.int/fr/web/deputy-secretary-general/-/morocco-joins-the-budapest-convention-on-cybercrime-and-its-protocol-on-xenophobia-and-racism",
    # Legilux, notice of 8 March 2019: San Marino ratified ETS 185 on 8 March 2019, in force for it 1 July 2019
    "lu_smr_185": "http://legilux.public.lu/eli/etat/leg/div/2019/03/08/a161/jo",
    # CoE Treaty Office, reservations of Greece on Treaty 185 ("Situation au 13/12/2017"): "deposee avec l'instrument
    # de ratification le 25 janvier 2017"; "Periode couverte: 01/05/2017 -"
    "coe_decl_grc": "https://www.coe.int/web/conventions/full-list/-/conventions/treaty/185/declarations?p_auth=Gmbv2bhp&_coeconventions_WAR_coeconventionsportlet_enVigueur=false&_coeconventions_WAR_coeconventionsportlet_searchBy=state&_coeconventions_WAR_coeconventionsportlet_codePays=GRE&_coeconventions_WAR_coeconventionsportlet_codeNature=2",
    # WIPO Lex, remarks for Argentina on treaty 952 (the Convention on Cybercrime): "Reservations made upon accession"
    "wipo_arg": "https://wipo.int/wipolex/es/treaties/parties/remarks/AR/952",
    # WIPO Lex, remarks for Peru on treaty 952: "Reserves faites lors de l'adhesion"
    "wipo_per": "https://cdn.nestjs.wipolex.wji.prd.web1.wipo.int/wipolex/fr/treaties/parties/remarks/PE/952",
    # CoE Octopus country wiki, Senegal: "Senegal has acceded to the Convention of Budapest on cybercrime in December 2016"
    "coe_octopus_sen": "https://coe.int/en/web/octopus/country-wiki-ap/-/asset_publisher/CmDb7M4RGb4Z/content/senegal",
    # copy (zaki.ru) of the CoE Treaty Office "List of declarations made with respect to treaty No. 185" (no status date;
    # it includes updates of 2010). Page 21: Moldova, "instrument of ratification deposited on 12 May 2009", period
    # covered from 1/9/2009; Montenegro, "instrument of ratification deposited on 3 March 2010"
    "zaki_decl_21": "https://zaki.ru/pagesnew.php?id=57450&page=21",
    # same copy, page 25: Romania, "instrument of ratification deposited on 12 May 2004", period covered from 1/9/2004
    "zaki_decl_25": "https://zaki.ru/pagesnew.php?id=57450&page=25",
    # WIPO Lex, remarks for Moldova on treaty 952: "Declarations made upon ratification"
    "wipo_mda": "https://cdn.nestjs.wipolex.wji.prd.web1.wipo.int/wipolex/es/treaties/parties/remarks/MD/952",
    # WIPO Lex, territorial declarations on treaty 952: "Declaration made upon acceptance: ... the Kingdom of the
    # Netherlands accepts the Convention for the Kingdom in Europe"
    "wipo_territorial": "https://wipo.int/wipolex/en/treaties/territorial/952",
    # --- added in the fifth pass (see docs/notes/data-budapest.md, "Fifth pass") ---
    # Finlex (Finnish Ministry of Justice treaty database), SopS 59/2007, ETS 185 "Osapuolet" (parties, in Finnish order;
    # the stored copy is legible for the first row only): "ALANKOMAAT Sitoutumispaiva: 16.11.2006 R Voimaantulopaiva:
    # 01.03.2007"; Finland: signed 23.11.2001, "Ratifiointipaiva: 24.05.2007 R", in force 01.09.2007 (no status date)
    "fi_finlex_185": "https://finlex.fi/fi/sopimukset/sopsviite/2007/20070059",
    # Poland, Dziennik Ustaw 2015 poz. 731 (two copies: prawo.pl, infor.pl): government statement of 24 March 2015 on ETS 189;
    # the President ratified on 29 January 2015 (national act), in force for Poland 1 June 2015; list of States that
    # "became or will become parties" on the dates given (legible from Albania to the Netherlands)
    "pl_189": "https://www.prawo.pl/akty/dz-u-2015-731,18197524.html",
    "pl_189_b": "https://www.infor.pl/akt-prawny/DZU.2015.102.0000731,oswiadczenie-rzadowe-w-sprawie-mocy-obowiazujacej-protokolu-dodatkowego-do-konwencji-rady-europy-o-cyberprzestepczosci-dotyczacego-penalizacji-czynow-o-charakterze-rasistowskim-lub-ksenofobicznym-pope.html",
    # Slovakia, notice 382/2023 Z.z. of the Ministry of Foreign and European Affairs (copy on onlinezakony.sk) on ETS 189:
    # "Ratifikacna listina bola ulozena 28. juna 2023 u depozitara"; in force for Slovakia 1 October 2023
    "sk_382_2023": "https://www.onlinezakony.sk/33/382-2023-z-z-oznamenie-ministerstva-zahranicnych-veci-a-europskych-zalezitosti-slovenskej-republiky-k-dodatkovemu-protokolu-k-dohovoru-o-pocitacovej-kriminalite-tykajuci-sa-uniqueidOhwOuzC33qd2W4_6TwF4qGjccpiryLEeVfq3Mi8NaA2VdaLTRYHmJQ/?serp=1",
    # CoE cybercrime news, Strasbourg 30 January 2023: Iceland "deposited the instrument of ratification" of ETS 189;
    # "will enter into force in Iceland on 1 May 2023"
    "coe_isl_189": "https://www.coe.int/en/web/cybercrime/-/iceland-deposited-the-instrument-of-ratification-of-the-first-additional-protocol-to-the-convention-on-cybercrime",
    # WIPO Lex, remarks for Andorra on treaty 952 (the Convention on Cybercrime): "Reservations made upon ratification"
    "wipo_and": "https://wipo.int/wipolex/en/treaties/parties/remarks/AD/952",
    # Government of Cabo Verde, 29 June 2023: "adesao a Convencao de Budapeste sobre o cibercrime" (kind only)
    "cv_governo": "https://governo.cv/?p=32040",
    # Costa Rica, La Gaceta No. 163 of 24 August 2012 (copy on informatica-juridica.com): bill "Aprobacion de la Adhesion
    # al Convenio sobre la Ciberdelincuencia", Expediente 18.484 (the law approving the accession, Ley 9452, followed in 2017)
    "cr_gaceta": "https://www.informatica-juridica.com/anexos/proyecto-de-ley-aprobacion-de-la-adhesion-al-convenio-sobre-la-ciberdelincuencia-expediente-no-18-484-la-gaceta-diario-oficial-no-163-de-san-jose-costa-rica-viernes-24-de-agosto-del-2012/",
}

RD = {  # the depositary's "Reservations and Declarations" list per treaty
    "185": "https://www.coe.int/en/web/conventions/full-list?module=declarations-by-treaty&treatynum=185",
    "189": SOURCES["decl189_2016"],
    "224": "https://www.coe.int/en/web/conventions/full-list?module=declarations-by-treaty&treatynum=224",
}

R, A, ACC = "ratification", "acceptance", "accession"

# ------------------------------------------------------------------ treaties
TREATIES = [
    {
        "slug": "budapest-convention",
        "cls": "cgo:Treaty",
        "label": "Convention on Cybercrime",
        "alt": ['"Budapest Convention"@en', '"ETS No. 185"', '"CETS No. 185"'],
        "place": "Budapest",
        "opening": "2001-11-23",
        "eif": "2004-07-01",
        "status": "in-force",
        "topics": ["cybercrime", "substantive-criminal-law", "procedural-law", "international-cooperation"],
        "text": "https://rm.coe.int/1680081561",
        "sources": ["chart185_2015", "chart185_2004"],
        "asof": "2015-12-03",
    },
    {
        "slug": "budapest-first-protocol",
        "cls": "cgo:Protocol",
        "label": "Additional Protocol to the Convention on Cybercrime, concerning the criminalisation of acts of a racist and xenophobic nature committed through computer systems",
        "alt": ['"First Additional Protocol to the Convention on Cybercrime"@en', '"Protocol on Xenophobia and Racism"@en', '"ETS No. 189"'],
        "place": "Strasbourg",
        "opening": "2003-01-28",
        "eif": "2006-03-01",  # "Inicio de vigencia na ordem internacional: 01/03/2006" (Portuguese GDDC)
        "status": "in-force",  # in force since 2006; CoE news of 20 June 2024: "now has 36 Parties"
        "topics": ["cybercrime", "substantive-criminal-law"],
        "sources": ["coe_189_page", "trb_2003_60", "cets224_text", "pt_gddc_189", "coe_20240620"],
        "asof": TODAY,
    },
    {
        "slug": "budapest-second-protocol",
        "cls": "cgo:Protocol",
        "label": "Second Additional Protocol to the Convention on Cybercrime on enhanced co-operation and disclosure of electronic evidence",
        "alt": ['"Second Additional Protocol to the Budapest Convention"@en', '"CETS No. 224"'],
        "place": "Strasbourg",
        "adoption": "2021-11-17",
        "opening": "2022-05-12",
        "eif": None,  # needs five consents; not in force per the sources read
        "status": "not-in-force",
        "topics": ["cybercrime", "electronic-evidence", "international-cooperation"],
        "sources": ["coe_224_opening", "coe_20240620", "jp_mofa_2025"],
        "asof": "2025-01-16",
    },
]

# ------------------------------------------------------------------ participations
# (alpha-3, signature, consent kind, consent date, entry into force, sources, as-of, reservations link?)
P185 = [
    # Treaty Office chart, status as of 03/12/2015 (member States, Albania to Germany)
    ("ALB", "2001-11-23", R, "2002-06-20", "2004-07-01", ["chart185_2015"], "2015-12-03", True),
    # third pass: Andorra, Germany, Greece, Iceland gain the entry into force listed in the copy of the NL treaty database
    # fifth pass: WIPO Lex gives Andorra's reservations "made upon ratification" (kind only; the day is not stated there)
    ("AND", "2013-04-23", R, None, "2017-03-01", ["chart185_2015", "nl_185_parties", "wipo_and"], TODAY, True),
    ("ARM", "2001-11-23", R, "2006-10-12", "2007-02-01", ["chart185_2015"], "2015-12-03", True),
    ("AUT", "2001-11-23", R, "2012-06-13", "2012-10-01", ["chart185_2015"], "2015-12-03", True),
    ("AZE", "2008-06-30", R, "2010-03-15", "2010-07-01", ["chart185_2015"], "2015-12-03", True),
    ("BEL", "2001-11-23", R, "2012-08-20", "2012-12-01", ["chart185_2015"], "2015-12-03", True),
    ("BIH", "2005-02-09", R, "2006-05-19", "2006-09-01", ["chart185_2015"], "2015-12-03", True),
    ("BGR", "2001-11-23", R, "2005-04-07", "2005-08-01", ["chart185_2015"], "2015-12-03", True),
    ("HRV", "2001-11-23", R, "2002-10-17", "2004-07-01", ["chart185_2015", "chart185_2004"], "2015-12-03", True),
    ("CYP", "2001-11-23", R, "2005-01-19", "2005-05-01", ["chart185_2015"], "2015-12-03", True),
    ("CZE", "2005-02-09", R, "2013-08-22", "2013-12-01", ["chart185_2015"], "2015-12-03", True),
    ("DNK", "2003-04-22", R, "2005-06-21", "2005-10-01", ["chart185_2015"], "2015-12-03", True),
    ("EST", "2001-11-23", R, "2003-05-12", "2004-07-01", ["chart185_2015", "chart185_2004"], "2015-12-03", True),
    ("FIN", "2001-11-23", R, "2007-05-24", "2007-09-01", ["chart185_2015"], "2015-12-03", True),
    ("FRA", "2001-11-23", R, "2006-01-10", "2006-05-01", ["chart185_2015"], "2015-12-03", True),
    ("GEO", "2008-04-01", R, "2012-06-06", "2012-10-01", ["chart185_2015"], "2015-12-03", True),
    # Germany's entry-into-force cell is cut off in the stored copy of the chart
    ("DEU", "2001-11-23", R, "2009-03-09", "2009-07-01", ["chart185_2015", "nl_185_parties"], "2015-12-03", False),
    # older chart, status as of 18/6/2004 (rows after Germany); no newer depositary figures found
    # fourth pass: the CoE reservations page for Greece gives the deposit (25 January 2017, ratification); period from 01/05/2017
    ("GRC", "2001-11-23", R, "2017-01-25", "2017-05-01", ["chart185_2004", "nl_185_parties", "coe_decl_grc"], TODAY, True),
    ("HUN", "2001-11-23", R, "2003-12-04", "2004-07-01", ["chart185_2004"], "2004-06-18", True),
    ("ISL", "2001-11-30", None, None, "2007-05-01", ["chart185_2004", "nl_185_parties"], TODAY, False),
    # Tractatenblad 2007, 10 party table (a copy of the depositary's data; no status date, so only a ratified row is taken)
    ("LTU", "2003-06-23", R, "2004-03-18", "2004-07-01", ["trb_2007_10"], TODAY, False),
    # non-member States: official pages of the State concerned or CoE news
    ("USA", "2001-11-23", R, "2006-09-29", "2007-01-01", ["us_senate", "us_embassy"], TODAY, False),
    ("JPN", "2001-11-23", A, "2012-07-03", "2012-11-01", ["jp_mofa_2012", "jp_mofa_2025"], "2025-01-16", False),
    ("BRA", None, ACC, "2022-11-30", "2023-03-01", ["coe_20221130", "coe_dsg_2022", "nl_185_parties"], TODAY, False),
    # Benin: entry into force 01-10-2024 from the NL treaty database's modifications log (undated page)
    ("BEN", None, ACC, "2024-06-20", "2024-10-01", ["coe_20240620", "coe_dsg_2024", "nl_185_log"], TODAY, False),
    ("FJI", None, ACC, "2024-06-20", "2024-10-01", ["coe_20240620", "coe_dsg_2024", "nl_185_parties"], TODAY, False),
    ("KIR", None, ACC, "2024-06-20", "2024-10-01", ["coe_20240620", "coe_dsg_2024", "nl_185_parties"], TODAY, False),
    # accession "in April" 2024 per the CoE speech; the exact day is not on a CoE page read
    ("SLE", None, ACC, None, None, ["coe_dsg_2024"], "2024-06-20", False),
    # signed, not ratified (Minister for Justice, Dail, 16 January 2019)
    ("IRL", "2002-02-28", None, None, None, ["ie_justice", "trb_2007_10"], "2019-01-16", False),
]

# Second pass: later rows of the member States and more non-member States, each from a depositary
# notification or the State's own official publication (see the notes for how official each copy is).
P185_MORE = [
    # depositary notification of 1 June 2011 (JJ7249C Tr./185-67); no signature date on it
    ("GBR", None, R, "2011-05-25", "2011-09-01", ["coe_notif_gbr"], "2011-06-01", True),
    # depositary notification of 7 December 2012 (JJ7505C Tr./185-76); an accession, no signature
    ("AUS", None, ACC, "2012-11-30", "2013-03-01", ["coe_notif_aus", "au_regulation"], "2012-12-07", True),
    # Portuguese Prosecutor-General's treaty database (no status date)
    ("PRT", "2001-11-23", R, "2010-03-24", "2010-07-01", ["pt_gddc_185"], TODAY, True),
    # Federal Office of Justice (signature, entry into force); SR 0.311.43 as of 14 September 2020 (deposit)
    ("CHE", "2001-11-23", R, "2011-09-21", "2012-01-01", ["ch_bj", "ch_sr"], "2020-09-14", False),
    # Portuguese notice of 9 May 2012: ratification deposited "13 de abril" / "12 de abril" -> date left out;
    # entry into force 01-08-2012 from the NL database copy (third pass; either April date gives 1 August)
    ("MLT", None, R, None, "2012-08-01", ["pt_aviso_mlt", "nl_185_parties"], TODAY, False),
    # signature 23-11-01 in Tractatenblad 2007, 10; third pass: Portuguese Aviso 66/2016 gives the deposit of the
    # instrument of ratification on 8 July 2015 (with reservations); entry into force from the NL database copy
    ("CAN", "2001-11-23", R, "2015-07-08", "2015-11-01", ["pt_aviso_can", "pt_aviso_can_b", "ca_news", "trb_2007_10", "nl_185_parties"], TODAY, True),
    # Ukraine: signature and entry into force from the Rada text; 07.09.2005 is the date of the national
    # ratification law, not of the deposit, so no consent date is recorded
    ("UKR", "2001-11-23", R, None, "2006-07-01", ["ua_rada"], TODAY, False),
    # non-member States acceding
    ("CHL", None, ACC, "2017-04-20", "2017-08-01", ["cl_decreto", "nl_185_parties"], TODAY, True),
    ("CIV", None, ACC, "2024-07-29", "2024-11-01", ["nl_185_log"], TODAY, False),
    # "Status: Party" since 2018; day of the deposit not found on an official page
    ("PHL", None, ACC, None, "2018-07-01", ["ph_coe", "ph_doj", "nl_185_parties"], TODAY, False),
]

# Third pass: more States, each from a (copy of an) official publication; see the notes, "Third pass".
NLP = "nl_185_parties"  # copy of the NL treaty database: entry into force only, no kind of consent
P185_THIRD = [
    # dated consents from depositary notifications quoted in official journals
    ("LVA", "2004-05-05", R, "2007-02-14", "2007-06-01", ["pt_aviso_lva", "trb_2007_10", NLP], TODAY, True),
    ("ESP", None, R, "2010-06-03", None, ["pt_aviso_esp"], "2010-08-04", True),
    ("SVK", None, R, "2008-01-08", "2008-05-01", ["sk_137_2008", "sk_167_2021"], "2008-04-24", True),
    ("SWE", None, R, "2021-04-28", None, ["coe_swe_2021"], "2021-04-28", False),
    # Poland: "the President ratified" (29 January 2015, the national act, not the deposit); in force 1 June 2015
    ("POL", None, R, None, "2015-06-01", ["pl_2015"], "2015-04-02", False),
    # Norway: signature from Ot.prp. nr. 40 (2004-2005); "ratified in 2006" (press release 2025): no day
    ("NOR", "2001-11-23", R, None, None, ["no_otprp", "no_press_2025"], "2025-07-09", False),
    # accessions named by the CoE or WIPO; entry into force from the CoE page or the NL database copy
    ("NGA", None, ACC, None, "2022-11-01", ["coe_tcy"], "2022-08-28", False),
    ("COL", None, ACC, None, "2020-07-01", ["coe_tcy_news", NLP], TODAY, False),
    ("ISR", None, ACC, None, "2016-09-01", ["wipo_isr", NLP], TODAY, True),
    # in force for the State on a date, kind of consent not stated (signatures from Tractatenblad 2007, 10 / BuA 76/2015)
    # fourth pass: the copy of the CoE list of declarations gives the deposit (3 March 2010, ratification)
    ("MNE", None, R, "2010-03-03", "2010-07-01", ["pl_2015", "zaki_decl_21"], TODAY, True),
    ("DOM", None, None, None, "2013-06-01", [NLP, "pl_2015"], TODAY, False),
    ("ITA", "2001-11-23", None, None, "2008-10-01", ["trb_2007_10", NLP], TODAY, False),
    ("LUX", "2003-01-28", None, None, "2015-05-01", ["trb_2007_10", NLP], TODAY, False),
    ("LIE", "2008-11-17", None, None, "2016-05-01", ["li_bua", NLP], TODAY, False),
    # fourth pass: WIPO Lex gives Argentina's reservations "made upon accession" (kind only)
    ("ARG", None, ACC, None, "2018-10-01", [NLP, "wipo_arg"], TODAY, True),
    # fifth pass: kind of consent from the State's own publications (Cabo Verde government; Costa Rica's La Gaceta)
    ("CPV", None, ACC, None, "2018-10-01", [NLP, "cv_governo"], TODAY, False),
    ("CMR", None, None, None, "2024-04-01", [NLP], TODAY, False),
    ("CRI", None, ACC, None, "2018-01-01", [NLP, "cr_gaceta"], TODAY, False),
    ("GHA", None, None, None, "2019-04-01", [NLP], TODAY, False),
    ("GRD", None, None, None, "2024-08-01", [NLP], TODAY, False),
    # fourth pass: Legilux notice of 29 June 2018 (CoE notification) and CoE news: accession 29 June 2018
    ("MAR", None, ACC, "2018-06-29", "2018-10-01", [NLP, "lu_mar_185", "coe_dsg_mar"], TODAY, True),
    ("MUS", None, None, None, "2014-03-01", [NLP], TODAY, False),
    # fourth pass: the copy of the CoE list of declarations gives the deposit (12 May 2009, ratification); WIPO Lex agrees on the kind
    ("MDA", None, R, "2009-05-12", "2009-09-01", [NLP, "zaki_decl_21", "wipo_mda"], TODAY, True),
]

# Fourth pass: more States from depositary notifications (copies), Luxembourg notices quoting CoE notifications,
# CoE news and Treaty Office pages, and WIPO Lex (kind of consent only). See the notes, "Fourth pass".
P185_FOURTH = [
    # CoE notification JJ7848C Tr./185-85 of 6 October 2014; no signature date on it
    ("TUR", None, R, "2014-09-29", "2015-01-01", ["coe_notif_tur"], "2014-10-06", True),
    # CoE news of 9 May 2017 and the Treaty Office declarations page ("deposited with the instrument of accession on 9 May 2017")
    ("TON", None, ACC, "2017-05-09", "2017-09-01", ["coe_ton_news", "coe_ton_news_de", "coe_decl_ton"], "2017-10-20", True),
    # Legilux notice of 8 March 2019 (CoE notification); no signature date on it
    ("SMR", None, R, "2019-03-08", "2019-07-01", ["lu_smr_185"], "2019-03-08", True),
    # kind only: WIPO Lex ("made upon accession"), CoE Octopus ("acceded ... in December 2016")
    ("PER", None, ACC, None, None, ["wipo_per"], TODAY, True),
    ("SEN", None, ACC, None, None, ["coe_octopus_sen"], TODAY, True),
    # copy of the CoE list of declarations: "instrument of ratification deposited on 12 May 2004", period covered from 1/9/2004
    ("ROU", None, R, "2004-05-12", "2004-09-01", ["zaki_decl_25"], TODAY, True),
    # kind: WIPO Lex, "Declaration made upon acceptance" (Kingdom in Europe); fifth pass: Finlex gives the consent
    # 16.11.2006 and the entry into force 01.03.2007 (it marks the consent "R"; the kind is kept from WIPO Lex)
    ("NLD", None, A, "2006-11-16", "2007-03-01", ["wipo_territorial", "fi_finlex_185"], TODAY, True),
]

# ETS 189, fourth pass: the Netherlands treaty database party table (verdragen.nl, 010573), legible from Albania to
# Ukraine ("Oosten[rijk]" and all later names are cut). Its "(R)" groups ratification, acceptance and approval; it is
# recorded as ratification (as for CETS 224). "(T)" (toetreding) is accession. The page states no status date; it
# lists Malta's consent of 04-06-2025, so it is at least that recent.
NL189 = "nl_189_parties"
P189_NL = {  # alpha-3: (signature, kind, consent, entry into force) as the NL table gives them
    "ALB": ("2003-05-26", R, "2004-11-26", "2006-03-01"),
    "AND": ("2013-04-23", R, "2016-11-16", "2017-03-01"),
    "ARM": ("2003-01-28", R, "2006-10-12", "2007-02-01"),
    "BEL": ("2003-01-28", None, None, None),
    "BEN": (None, ACC, "2024-06-20", "2024-10-01"),
    "BIH": ("2005-02-09", R, "2006-05-19", "2006-09-01"),
    "CAN": ("2005-07-08", None, None, None),
    "CYP": ("2005-01-19", R, "2005-06-23", "2006-03-01"),
    "DNK": ("2004-02-11", R, "2005-06-21", "2006-03-01"),
    "DEU": ("2003-01-28", R, "2011-06-10", "2011-10-01"),
    "EST": ("2003-01-28", None, None, None),
    "FIN": ("2003-01-28", R, "2011-05-20", "2011-09-01"),
    "FRA": ("2003-01-28", R, "2006-01-10", "2006-05-01"),
    "GRC": ("2003-01-28", R, "2017-01-25", "2017-05-01"),
    "ISL": ("2003-10-09", R, "2023-01-30", "2023-05-01"),
    "ITA": ("2011-11-09", None, None, None),
    "HRV": ("2003-03-26", R, "2008-07-04", "2008-11-01"),
    "LVA": ("2004-05-05", R, "2007-02-14", "2007-06-01"),
    "LIE": ("2008-11-17", None, None, None),
    "LTU": ("2005-04-07", R, "2006-10-12", "2007-02-01"),
    "LUX": ("2003-01-28", R, "2014-10-16", "2015-02-01"),
    "MLT": ("2003-01-28", R, "2025-06-04", "2025-10-01"),
    "MAR": (None, ACC, "2018-06-29", "2018-10-01"),
    "MDA": ("2003-04-25", R, "2017-02-15", "2017-06-01"),
    "MCO": ("2017-03-17", R, "2017-03-17", "2017-07-01"),
    # the NL table lists Montenegro with the signature of 07-04-2005 (then part of Serbia and Montenegro)
    "MNE": ("2005-04-07", R, "2010-03-03", "2010-07-01"),
    "NLD": ("2003-01-28", R, "2010-07-22", "2010-11-01"),
    "MKD": ("2005-11-14", R, "2005-11-14", "2006-03-01"),
    "NOR": ("2008-04-29", R, "2008-04-29", "2008-08-01"),
    "UKR": ("2005-04-08", R, "2006-12-21", "2007-04-01"),
}
# other sources per State (earlier passes), kept next to the NL table; each agrees with it where both give a date
P189_OTHER = {
    "HRV": ["decl189_2016", "bgbl_189"],
    "DNK": ["decl189_2016", "bgbl_189"],
    "BEN": ["coe_20240620", "coe_dsg_2024"],
    "DEU": ["bgbl_189", "bgh_189"],
    "MCO": ["lu_mco_189"],
    "MAR": ["coe_dsg_mar"],  # CoE news, 29 June 2018: Morocco deposited the instruments of accession to ETS 185 and ETS 189
    # the Bundesgesetzblatt notice of 16 August 2011 lists these entry-into-force dates too (same dates)
    "ALB": ["bgbl_189"], "ARM": ["bgbl_189"], "BIH": ["bgbl_189"], "FRA": ["bgbl_189"], "LVA": ["bgbl_189"],
    "LTU": ["bgbl_189"],
}
# fifth pass: the Polish statement of 24 March 2015 (Dz.U. 2015 poz. 731) lists the entry into force of ETS 189 for these
# States, legible from Albania to the Netherlands; each agrees with the NL table (test)
PL189 = ("ALB", "ARM", "BIH", "HRV", "CYP", "MNE", "DNK", "FIN", "FRA", "LTU", "LUX", "LVA", "MKD", "NLD")
for _code in PL189:
    P189_OTHER.setdefault(_code, []).extend(["pl_189", "pl_189_b"])
P189_OTHER.setdefault("ISL", []).append("coe_isl_189")  # CoE news of 30 January 2023 (same dates as the NL table)
RESERVING189 = ("HRV", "DNK", "MCO")  # reservation/declaration shown on the sources read (CoE list 2016; Memorial 2017)


def p189_nl() -> list[tuple]:
    rows = []
    for code, (sig, kind, cdate, eif) in P189_NL.items():
        rows.append((code, sig, kind, cdate, eif, [NL189] + P189_OTHER.get(code, []), TODAY, code in RESERVING189))
    return rows


P189_REST = [
    # States past the cut-off of the NL table, from earlier passes
    ("PRT", "2003-03-17", R, "2010-03-24", "2010-07-01", ["pt_gddc_189"], TODAY, False),
    ("SMR", None, R, "2019-03-08", "2019-07-01", ["lu_smr_189"], "2019-03-08", False),
    # fifth pass: the Polish statement of 24 March 2015 gives the entry into force for the Czech Republic, 1 December 2014
    ("CZE", None, R, "2014-08-07", "2014-12-01", ["pt_aviso_cze_189", "pl_189", "pl_189_b"], "2016-06-29", False),
    # fourth pass: CoE news of 28 April 2021, Sweden "today deposited ... the instrument of ratification" of ETS 185 and 189
    ("SWE", None, R, "2021-04-28", None, ["coe_swe_2021"], "2021-04-28", False),
    # fifth pass: Poland's own statement (Dz.U. 2015 poz. 731): "the President ratified" on 29 January 2015 (the national
    # act, not the deposit, so no consent date); in force for Poland 1 June 2015
    ("POL", None, R, None, "2015-06-01", ["pl_189", "pl_189_b"], "2015-03-24", False),
    # the same list: Spain ("Krolestwo Hiszpanii") a party from 1 April 2015; the kind of consent is not stated
    ("ESP", None, None, None, "2015-04-01", ["pl_189", "pl_189_b"], "2015-03-24", False),
    # Slovakia's notice 382/2023 Z.z.: instrument of ratification deposited 28 June 2023, in force for Slovakia 1 October 2023
    ("SVK", None, R, "2023-06-28", "2023-10-01", ["sk_382_2023"], TODAY, False),
]
P189 = p189_nl() + P189_REST

# CETS 224: signatures from the Netherlands treaty database (both copies agree where both are legible);
# CoE pages confirm the 30 Nov 2022 and 20 Jun 2024 signatures.
NL = ["nl_224_a", "nl_224_b"]
NLA = ["nl_224_a"]  # rows past the cut-off of the newer copy
SIG224 = {
    "ALB": "2023-02-27", "AND": "2022-05-20", "ARG": "2023-02-16", "ARM": "2023-11-16", "AUT": "2022-05-12",
    "BEL": "2022-05-12", "BIH": "2025-11-14", "BGR": "2022-05-12", "CPV": "2023-06-28", "CAN": "2023-06-20",
    "CHL": "2022-05-12", "COL": "2022-05-12", "CRI": "2022-06-13", "HRV": "2022-11-30", "CZE": "2024-06-20",
    "DOM": "2023-01-30", "EST": "2022-05-12", "FJI": "2025-06-05", "FIN": "2022-05-12", "FRA": "2023-01-27",
    "GEO": "2024-06-17", "DEU": "2023-01-27", "GHA": "2023-06-28", "GRC": "2023-01-20", "HUN": "2023-06-28",
    "ISL": "2022-05-12", "ITA": "2022-05-12", "JPN": "2022-05-12", "LVA": "2025-03-27", "LTU": "2022-05-12",
    "LUX": "2022-05-12", "MLT": "2023-06-22", "MUS": "2023-05-31", "MDA": "2022-11-30", "MNE": "2022-05-12",
    "MAR": "2022-05-12", "NLD": "2022-05-12", "MKD": "2022-05-12", "NOR": "2025-07-09", "PRY": "2024-09-24",
    "PER": "2024-12-12", "PRT": "2022-05-12", "ROU": "2022-05-12", "SRB": "2022-05-12", "SLE": "2024-06-20",
    "SVN": "2022-11-30", "ESP": "2022-05-12", "LKA": "2022-11-30", "SWE": "2022-05-12", "UKR": "2022-11-30",
    "GBR": "2022-11-30", "USA": "2022-05-12",
}
CONSENT224 = {  # alpha-3: (kind, date, extra sources)
    "JPN": (A, "2023-08-10", ["jp_mofa_2025"]),
    "SRB": (R, "2023-02-09", []),
    "HUN": (R, "2026-02-05", []),  # newer copy only
}
RESERVING224 = ("JPN", "SRB")  # "Parties with reservations, declarations and objections" on the NL pages
EXTRA224 = {code: ["coe_20221130", "coe_dsg_2022"] for code in ("HRV", "MDA", "SVN", "LKA", "UKR", "GBR")}
EXTRA224.update({code: ["coe_20240620", "coe_dsg_2024"] for code in ("CZE", "SLE")})
EXTRA224["GEO"] = ["coe_dsg_2024"]


def p224() -> list[tuple]:
    rows = []
    for code, sig in SIG224.items():
        srcs = list(NLA if code in ("SWE", "UKR", "GBR", "USA") else NL)
        if code == "HUN":
            srcs = ["nl_224_b", "nl_224_a"]
        kind = date = None
        if code in CONSENT224:
            kind, date, extra = CONSENT224[code]
            srcs += extra
        srcs += EXTRA224.get(code, [])
        rows.append((code, sig, kind, date, None, srcs, TODAY, code in RESERVING224))
    return rows


# ------------------------------------------------------------------ Turtle
HEADER = """\
@prefix cgo:  <https://w3id.org/cybergov/ontology#> .
@prefix dct:  <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix state: <https://w3id.org/cybergov/id/state/> .
@prefix orgn: <https://w3id.org/cybergov/id/organization/> .
@prefix treaty: <https://w3id.org/cybergov/id/treaty/> .
@prefix part: <https://w3id.org/cybergov/id/participation/> .
@prefix consent: <https://w3id.org/cybergov/id/consent/> .
@prefix status: <https://w3id.org/cybergov/id/status/> .
@prefix topic: <https://w3id.org/cybergov/id/topic/> .
"""


def d(value: str) -> str:
    return f'"{value}"^^xsd:date'


def srcs(keys: list[str]) -> str:
    return " , ".join(f"<{SOURCES[k]}>" for k in dict.fromkeys(keys))


def treaty_block(t: dict) -> str:
    lines = [f"treaty:{t['slug']} a {t['cls']} ;",
             f'    dct:identifier "{t["slug"]}" ;',
             f'    rdfs:label "{t["label"]}"@en ;',
             f"    skos:altLabel {' , '.join(t['alt'])} ;"]
    if t["cls"] == "cgo:Protocol":
        lines.append("    cgo:supplements treaty:budapest-convention ;")
    lines.append(f"    cgo:adoptedBy orgn:coe ; cgo:depositary orgn:coe ; cgo:adoptionPlace \"{t['place']}\" ;")
    if t.get("adoption"):
        lines.append(f"    cgo:adoptionDate {d(t['adoption'])} ;")
    lines.append(f"    cgo:openingForSignatureDate {d(t['opening'])} ;")
    if t.get("eif"):
        lines.append(f"    cgo:entryIntoForceDate {d(t['eif'])} ;")
    if t.get("status"):
        lines.append(f"    cgo:status status:{t['status']} ;")
    lines.append(f"    cgo:topic {' , '.join('topic:' + x for x in t['topics'])} ;")
    if t.get("text"):
        lines.append(f"    cgo:officialText <{t['text']}> ;")
    lines.append(f"    dct:source {srcs(t['sources'])} ;")
    lines.append(f"    cgo:asOf {d(t['asof'])} .")
    return "\n".join(lines) + "\n"


def part_block(slug: str, num: str, row: tuple) -> str:
    code, sig, kind, cdate, eif, keys, asof, rd = row
    lines = [f"part:{slug}\\/{code} a cgo:TreatyParticipation ;",
             f"    cgo:participant state:{code} ; cgo:instrument treaty:{slug} ;"]
    if sig:
        lines.append(f"    cgo:signatureDate {d(sig)} ;")
    if kind:
        lines.append(f"    cgo:consentKind consent:{kind} ;")
    if cdate:
        lines.append(f"    cgo:consentDate {d(cdate)} ;")
    if eif:
        lines.append(f"    cgo:entryIntoForceDate {d(eif)} ;")
    if rd:
        lines.append(f"    cgo:reservationsAndDeclarations <{RD[num]}> ;")
    lines.append(f"    dct:source {srcs(keys)} ;")
    lines.append(f"    cgo:asOf {d(asof)} .")
    return "\n".join(lines) + "\n"


def write(path: Path, title: str, treaty: dict, num: str, groups: list[tuple[str, list[tuple]]]) -> None:
    out = [f"# {title}", "# Generated by data/generators/budapest.py from hand-transcribed tables; edit the generator.",
           "# Sources, as-of dates and gaps: docs/notes/data-budapest.md", "", HEADER, "# the treaty", treaty_block(treaty)]
    for comment, rows in groups:
        out.append(f"# {comment}")
        out.extend(part_block(treaty["slug"], num, r) for r in rows)
    path.write_text("\n".join(out))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    conv, first, second = TREATIES
    write(OUT / "budapest-convention.ttl", "Convention on Cybercrime (ETS No. 185) and its participations", conv, "185", [
        ("participations: CoE Treaty Office chart, status as of 03/12/2015 (member States Albania-Germany)", P185[:17]),
        ("participations: CoE Treaty Office chart, status as of 18/6/2004 (later rows of the member States)", P185[17:20]),
        ("participations: Tractatenblad 2007, 10 (Netherlands official journal), party table", P185[20:21]),
        ("participations: non-member States, from CoE news or the State's own official pages", P185[21:28]),
        ("participations: signed, consent not recorded", P185[28:]),
        ("participations (second pass): depositary notifications and States' own official publications", P185_MORE),
        ("participations (third pass): official journals quoting depositary notifications, CoE and State pages, "
         "and a copy of the Netherlands treaty database (entry into force only)", P185_THIRD),
        ("participations (fourth pass): CoE notifications and Treaty Office pages, Luxembourg notices quoting CoE "
         "notifications, CoE news, WIPO Lex", P185_FOURTH),
    ])
    write(OUT / "budapest-first-protocol.ttl", "Additional Protocol on xenophobia and racism (ETS No. 189) and its participations", first, "189", [
        ("participations: Netherlands treaty database party table (verdragen.nl), Albania to Ukraine, with the other "
         "sources that agree with it (CoE declarations list, Bundesgesetzblatt, CoE news, Memorial)", P189[:len(P189_NL)]),
        ("participations: States past the cut-off of the NL table (Portuguese, Luxembourg, Polish and Slovak official "
         "publications, CoE news)",
         P189[len(P189_NL):]),
    ])
    write(OUT / "budapest-second-protocol.ttl", "Second Additional Protocol (CETS No. 224) and its participations", second, "224", [
        ("participations: Netherlands treaty database (verdragen.nl / verdragenbank.overheid.nl), CoE news where named", p224()),
    ])


if __name__ == "__main__":
    main()
