"""Writes the workbooks shipped in `data/` from the source documents in `../shared/seeds/`.

Guarantees: every figure, code and name below is transcribed as printed in the seed it
names (typos, duplicated codes and inconsistent totals included: the dashboard's job is
to show them); each row carries its source (document, section or question) in its
`Source` column. Where the documents give no code (Côte d'Ivoire roadmap and CPC
partnership), codes were given by this project and the `Source` column says so. The
workbooks follow `../shared/spec/workbook.md` and are laid out the way focal points write
them (title rows, merged cells, amounts as typed), so they double as examples.

Run: `.venv/bin/python tools/build_shipped_workbooks.py` (rewrites `data/*.xlsx`).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

DATA = Path(__file__).resolve().parent.parent / "data"
# The writer stamps no date, so that rebuilding unchanged data gives the same bytes.
FIXED_TIME = dt.datetime(2026, 11, 23, 0, 0, 0)

SEMESTERS_CM = [f"{y}-S{h}" for y in range(2021, 2026) for h in (1, 2)]

# --- Cameroon: action plan 2021-2025 (seed 000) -------------------------------
CM_DOC = "Plan d'action Alliance 8.7 Cameroun 2021-2025 (seed 000)"
CM_PLAN = "Plan d'action Alliance 8.7 2021-2025"
CM_AXES = {
    "1": "Lutte contre le travail des enfants",
    "2": "Lutte contre le travail forcé",
    "3": "Prévention de la traite, protection des victimes, répression des auteurs de la traite "
         "des êtres humains et production des données",
}
# Effect code -> (label as printed in the section 5 table, printed subtotal cost, printed funds).
CM_EFFECTS = {
    "1.1": ("Les pires formes du travail des enfants sont éradiquées", "81 000", "10 000"),
    "1.2": ("Une éducation de qualité pour tous est assurée", "63 000", None),
    "1.3": ("La protection sociale pour tous est garantie", "92 500", None),
    "2.1": ("L’ampleur et les dimensions du phénomène du travail forcé au Cameroun sont mieux connues",
            "97 500", "15 000"),
    "3.1": ("Les risques d’exposition des populations à la traite et à l’esclavage moderne au trafic par "
            "une meilleure connaissance de ces fléaux sociaux sont réduits", None, None),
    "3.2": ("La qualité de l’offre des services aux personnes victimes de traite et d’esclavage moderne "
            "est améliorée", "152500", None),
    "3.3": ("Le nombre de poursuites en matière de traite et esclavage moderne est accru", "41 500", None),
    "3.4": ("Des données statistiques sont produites", "14 000", None),
}
# Section 4: 4.1 lists the high-priority actions, 4.2 the medium ones. Section 4 numbers
# the second 3.2.2 ("Réviser la loi de 2011") as 3.2.3 and 3.2.3 (réinsertion) as 3.2.4;
# the table's row position is used below to tell them apart.
CM_HIGH = {"1.1.1", "1.1.2", "1.1.4", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.3.2", "1.3.3", "1.3.5",
           "1.3.6", "2.1.3", "2.1.4", "2.1.5", "3.1.1", "3.1.2", "3.2.1", "3.2.2", "3.3.1", "3.4.1", "3.4.2"}
CM_MEDIUM = {"1.1.3", "1.2.1", "1.3.1", "1.3.4", "2.1.1", "2.1.2", "3.2.3", "3.3.2"}
CM_PRINTED_TOTAL = ("542 000", "25 000")

# (code, title, semester marks 2021-S1..2025-S2, lead, co-leads, partners, cost, funds, means),
# cell by cell as printed in section 5 (extracted from the seed's table text).
CAMEROON_ACTION_ROWS = [
    ('1.1.1', 'Réviser le cadre juridique\xa0national', ['X', 'X', 'X', 'X', '', '', '', '', '', ''], 'MINTSS', '', 'Parte-naires sociaux', '20 000', '0', '*1 Etude\n*1 atelier\n*Plaidoyer'),
    ('1.1.2', 'Réviser la liste des travaux dangereux', ['X', 'X', '', '', '', '', '', '', '', ''], 'MINTSS', '', 'Parte-naires sociaux', '30 000', '10 000', '*1 Etude\n*1 atelier'),
    ('1.1.3', 'Promouvoir la ratification des instruments juridiques internationaux\xa0: convention (nº 102), sécurité sociale (norme minimum), 1952, et convention (nº 189), travailleuses et travailleurs domestiques, 2011', ['', '', '', '', 'X', 'X', 'X', 'X', 'X', 'X'], 'MINTSS', '//', 'BIT\nParte-naires sociaux', '16 000', '0', '*2 ateliers\n de Plaidoyer'),
    ('1.1.4', 'Contribuer à la consolidation de l’avant-projet du Code de Protection de l’Enfant en cours d’élaboration en intégrant les préoccupations du travail des enfants', ['X', 'X', '', '', '', '', '', '', '', ''], 'MINTSS', 'MINPROFF\nMINAS', 'UNICEF\nBIT\nParte-naires sociaux', '15000', '0', '*1 étude\n*1 atelier \n de validation et de plaidoyer'),
    ('1.2.1', 'Mettre en place des programmes d’assistance alimentaire aux familles et communautés vulnérables', ['', '', 'X', 'X', 'X', 'X', '', '', '', ''], 'MINTSS', 'MINAS', 'PAM\nUNICEF', '10 000', '0', '*distribution de colis alimentaires gratuites'),
    ('1.2.2', 'Mettre en place des programmes destinés à encourager la scolarisation de la jeune fille', ['', 'X', 'X', '', '', '', '', '', '', ''], 'MINTSS', 'MINPROFF\nMINAS', 'UNICEF', '20 000', '0', '·'),
    ('1.2.3', 'Appuyer l’établissement des actes de naissance aux enfants en âge scolaire', ['X', 'X', 'X', '', '', '', '', '', '', ''], 'MINTSS', 'Communes', 'UNICEF\nOSC', '15 000', '0', 'Méthodes innovantes d’enregistrement'),
    ('1.2.4', 'Faciliter l’accès des enfants en situation de travail dans les différents centres de formation professionnelle', ['X', 'X', 'X', 'X', '', '', '', '', '', ''], 'MINTSS', 'MINEFOP', 'BIT\nUNICEF\nParte-naires sociaux', '10 000', '0', 'Appui à la formation'),
    ('1.2.5', 'Retirer les enfants des activités dangereuses (minières et des carrières etc.)', ['X', 'X', 'X', 'X', '', '', '', '', '', ''], 'MINTESS', 'MINAS\nMINEFOP\nMINPROFF\nCNDH', 'BIT\nUNICEF\nOIM\nOSC', '8000', '0', '*Aide scolaire\n*soutien aux AGR pour les familles'),
    ('1.3.1', 'Commettre des études/enquêtes nationales sur les différentes types/catégories de travail des enfants', ['', '', 'X', '', '', '', 'X', '', '', ''], 'MINTSS', 'INS\nMINRESI', 'BIT\nUNICEF\nParte-naires sociaux', '17 500', '0', '*1 Etude\n*1 atelier de validation'),
    ('1.3.2', 'Élaborer une cartographie sur le travail des enfants', ['X', 'X', 'X', '', '', '', '', '', '', ''], 'MINTSS', '', 'BIT\nUNICEF\nParte-naires sociaux', '20 000', '0', '*1 étude\n*1 atelier de validation'),
    ('1.3.3', 'Organiser des campagnes de sensibilisation et d’information sur le travail des enfants', ['', 'X', '', 'X', '', 'x', '', '', 'x', ''], 'MINTSS', 'MINAS\nMINPROFF\nMINEDUB\nMINEFOP', 'BIT\nUNICEF\nCNDH\nParte-naires sociaux', '10 000', '0', '*4 campagnes'),
    ('1.3.4', 'Vulgariser les conventions de l’OIT et autres instruments ratifiées par le Cameroun auprès des acteurs impliqués dans la lutte contre le travail des enfants', ['', 'X', '', 'X', '', 'X', '', 'X', '', 'X'], 'MINTSS', 'OT\nOE', 'BIT\nUNICEF\nParte-naires sociaux', '15 000', '0', '*3 ateliers de vulgarisation\n*diffusion des instruments'),
    ('1.3.5', 'Renforcer les capacités des acteurs impliqués dans la lutte contre le travail des enfants', ['', 'x', '', '', '', '', '', 'x', '', ''], 'MINTSS', '', 'BIT\nUNICEF\nParte-naires sociaux', '18 000', '0', '4 ateliers'),
    ('1.3.6', 'Organiser et accompagner les acteurs/cibles du travail des enfants', ['', '', 'X', '', '', '', 'X', '', '', ''], 'MINTSS', '', 'BIT\nUNICEF', '12 000', '0', '2 ateliers'),
    ('2.1.1', 'Élaborer et diffuser le rapport national diagnostique sur le travail forcé', ['', '', '', '', 'X', '', 'X', '', 'X', ''], 'MINTSS', '', 'BIT\nParte-naires sociaux', '17500', '0', '*1 expert pour élaborer\n*1 atelier de diffusion'),
    ('2.1.2', 'Renforcer les capacités des acteurs et des intervenants de la chaine de lutte contre le travail forcé', ['', 'X', '', 'X', '', 'X', '', 'X', '', ''], 'MINTSS', 'MINAS', 'BIT\nParte-naires sociaux', 'Action à cumuler avec l’action 1.3.5 dans un souci d’optimisation de ressource et d’impact', None, ''),
    ('2.1.3', 'Assurer la prise en charge holistique des victimes', ['', 'X', 'X', 'X', 'X', 'X', 'X', 'X', 'X', 'X'], 'MINTSS', 'MINAS\nCNDH\nMINJUSTICE\nMINDEF\nMINSANTE', 'CNDH\nOSC', '20 000', '0', '*Prise en charge Psychosocial, médicale, sécuritaire, juridique et insertion socio-économique'),
    ('2.1.4', 'Sensibiliser et conscientiser la communauté', ['', 'X', 'X', 'X', 'X', 'X', 'X', 'X', 'X', 'X'], 'MINTSS', 'MINAS', 'OSC', '10 000', '0', '*Supports de communication'),
    ('2.1.5', 'Mettre en place un système d’information et de remontée des données', ['', 'X', 'X', 'X', '', '', '', '', '', ''], 'MINTSS', 'INS', '', '50 000', '15 000', '*Mission de sensibilisation\n*Unité fonctionnelle de recueil, de traitement, d’analyse et de diffusion de données, etc.'),
    ('3.1.1', 'Organiser des campagnes de sensibilisation en direction des populations', ['', '', 'X', '', 'X', '', 'X', '', 'X', ''], 'MINTSS', 'MINAS', 'OSC', '18 000', '0', '4 campagnes'),
    ('3.1.2', 'Renforcer les capacités des acteurs publics et privés impliqués dans la lutte contre la traite des personnes et l’esclavage moderne', ['', 'X', '', 'X', '', 'X', '', 'X', '', ''], 'MINTSS', 'CNPLTP', 'OSC', 'Action à cumuler avec les actions 1.3.5 et 2.1.2 dans un souci d’optimisation de ressource et d’impact', None, '* 4 ateliers de formation'),
    ('3.2.1', 'Rendre opérationnelle la ligne verte', ['X', 'X', 'X', 'X', '', '', '', '', '', ''], 'MINTSS', 'CNPLTP\nMINPOSTEL', 'OSC\nParte-naires sociaux', '15 000', '0', ''),
    ('3.2.2', 'Construire des centres d’accueil et de transit', ['', '', 'X', 'X', '', '', '', '', '', ''], 'MINTSS', 'Communes', 'OSC', '100 000', '0', '*Au moins 4 centres dans 4 régions les plus touchées'),
    ('3.2.2', 'Réviser la loi de 2011 sur la traite et le trafic des personnes, avec une attention sur la protection des victimes', ['', '', 'X', 'X', 'X', '', '', '', '', ''], 'MINTSS', 'MINAS\nMINJUSTICE\nCNDHL\nOSC', 'OSC\nParte-naires sociaux', '17 500', '0', '*1 étude\n*1 atelier de validation\n*plaidoyer'),
    ('3.2.3', 'Assurer la réinsertion sociale des victimes\xa0de la traite des êtres humains', ['', '', '', '', '', 'X', 'X', 'X', 'X', 'X'], 'MINTSS', 'MINAS', 'OSC', '20 000', '0', '*Retour en famille des victimes\n*Insertion socio-professionnelle'),
    ('3.3.1', 'Réviser le dispositif juridique en matière de traite et d’esclavage moderne (loi de 2011 et dispositions du Code pénal en la matière', ['', '', 'X', 'X', 'X', '', '', '', '', ''], 'MINTSS', 'MINAS\nMINJUSTICE\nParlement', 'OSC\nParte-naires sociaux', '17 500', '0', '*1 étude technique\n*1 atelier de validation\nPlaidoyer pour la prise en compte des suggestions.'),
    ('3.3.2', 'Former les acteurs de la chaine de répression (OPJ, Magistrats).', ['', '', '', 'X', '', 'X', '', 'X', '', ''], 'MINTSS', 'MINJUSTUCE\nCNPLTP', 'OSC\nParte-naires sociaux', '24 000', '0', '3 ateliers de formation'),
    ('3.4.1', 'Définir des indicateurs clés et outils de collecte des données', ['', 'X', 'X', '', '', '', '', '', '', ''], 'MINTSS', '', 'OSC\nParte-naires sociaux', '8 000', '0', '*1 atelier d’identification'),
    ('3.4.2', 'Analyser et exploiter des données collectées', ['', '', '', 'X', 'X', 'X', 'X', 'X', 'X', 'X'], 'MINTSS', '', 'OSC', '6 000', '0', '*équipe d’analyse et d’exploitation'),
]

# --- Cameroon: progress questionnaire May 2022 - April 2023 (seed 001) ----------
CM_REPORT = "Questionnaire annuel Alliance 8.7 Cameroun, mai 2022 - avril 2023 (seed 001)"
CM_AS_OF = dt.date(2023, 4, 30)
# (action code, status as ticked or described, comment, questions)
CM_STATUS = [
    ("1.1.2", "En cours",
     "Projet d'arrêté portant révision de la liste des travaux dangereux validé par la Commission nationale "
     "de santé et sécurité au travail, à transmettre aux Services du Premier Ministre. Prochaine étape n° 1 "
     "cochée « En cours » (Q4) ; objectif d'ici avril 2024 : présentation au CNLTE et transmission (Q29).",
     "Q1, Q4, Q7, Q29"),
    ("2.1.5", "En cours",
     "Document cadre du SOSTECAM (système d'observation et de suivi du travail des enfants) validé "
     "techniquement ; prochaine étape n° 2 cochée « En cours » (Q5). Le questionnaire ne cite pas de code "
     "d'action : rattaché par le projet à l'action pilote 2.1.5 (système d'information et de remontée des données).",
     "Q1, Q5, Q7, Q29"),
    ("1.3.4", "En cours",
     "Campagnes de vulgarisation des conventions de l'OIT ratifiées organisées dans les dix régions, et "
     "auprès du personnel judiciaire de la région du Centre.", "Q1"),
    ("1.2.3", "En cours",
     "Lancement d'une opération de délivrance massive de 100 000 actes de naissance dans l'Extrême-Nord "
     "(MINDDEVEL/BUNEC).", "Q1"),
    ("3.2.1", "Achevée",
     "Le Centre opérationnel de la ligne verte 1503 (COLV) est opérationnel : 1 directeur, 2 superviseurs, "
     "10 téléconseillers affectés (Q3). La ligne connaît des perturbations dues aux convertisseurs en panne (Q12).",
     "Q3, Q12"),
    ("3.2.2", "En cours",
     "Construction d'un centre d'accueil pour réfugié(e)s au bénéfice du MINAS avec l'appui de l'OIM ; "
     "le plan vise au moins 4 centres. (Le code 3.2.2 est porté par deux actions du plan.)", "Q3"),
    ("1.3.1", "Planifiée",
     "Prochaine étape 3 d'ici avril 2024 : élaborer le rapport national sur le travail des enfants "
     "(des études ont déjà été menées par l'INS).", "Q29"),
]
# (indicator as named in the catalogue, theme, start, end, sex, age, value, organisation, question, comment)
CM_INDICATORS = [
    ("Victimes assistées", "", "novembre 2022", "avril 2023", "", "enfants", "150", "",
     "Q2", "Prise en charge globale d'enfants victimes de violences « au cours des six derniers mois »"),
    ("Relais communautaires mobilisés", "", "mai 2022", "avril 2023", "", "", "210", "",
     "Q2", "Acteurs communautaires regroupés par pôles d'interventions, relais sur le terrain"),
    ("Ateliers organisés", "", "mai 2022", "avril 2023", "", "", "08", "",
     "Q2", "Ateliers participatifs avec les leaders traditionnels, religieux et communautaires"),
    ("Actes de naissance visés par une opération lancée", "", "mai 2022", "avril 2023", "", "enfants",
     "100 000", "MINDDEVEL/BUNEC", "Q1", "Opération de délivrance massive lancée dans l'Extrême-Nord"),
    ("Personnel affecté à la ligne verte", "traite des personnes", "mai 2022", "avril 2023", "", "", "13",
     "MINAS", "Q3", "Ligne verte 1503 : 1 directeur + 2 superviseurs + 10 téléconseillers"),
    ("Centres d'accueil construits", "", "mai 2022", "avril 2023", "", "", "1", "MINAS, OIM",
     "Q3", "Centre d'accueil pour réfugié(e)s"),
]

# --- Côte d'Ivoire: task-force roadmap, workshop of 7-8 October 2021 (seed 002) -----
CI_ROADMAP_DOC = "Feuille de route Task force Alliance 8.7 Côte d'Ivoire, atelier des 7-8 octobre 2021 (seed 002)"
CI_ROADMAP = "Feuille de route de la Task force Alliance 8.7 (2021)"
# (axis label as printed, [(action, strategies, partners, duration, budget)])
CI_PRIORITIES = [
    ("Coordination des interventions pour accélérer l'atteinte de la cible 8.7", [
        ("Elaborer une matrice d'activités conjointes en matière de travail des enfants et de traite des personnes",
         "- Organiser des rencontres de consultations afin d'identifier les activités conjointes des deux plans "
         "d'actions nationaux (travail des enfants et traite des personnes) ;\n- planifier la mise en œuvre conjointe "
         "des activités identifiées ;\n- budgétiser la mise en œuvre conjointe des activités identifiées.",
         "CIM/CNS/ CNLTP", "A court terme", "A définir"),
        ("Tenir des réunions périodiques de coordination conjointes en matière de lutte contre le travail des "
         "enfants et de traite des personnes",
         "- Elaborer un chronogramme de rencontres des membres des Secrétariats Exécutifs du CIM et du CNLTP ;\n"
         "- élaborer les rapports de réunions.", "CIM/CNS/ CNLTP", "A court terme", "A définir"),
        ("Mettre en place un système de consultation et de validation conjoint CIM et CNLTP de tous les programmes "
         "et projets de lutte contre le travail des enfants et la traite des personnes",
         "Organiser des réunions conjointes des Secrétariats Exécutifs du CIM/CNLTP en vue de l'examen et de la "
         "validation de tous les programmes et projets de lutte contre le travail des enfants et la traite des "
         "personnes", "CIM/CNLTP", "A court terme", "A définir"),
        ("Créer un cadre de dialogue permanent (CIM/CNS/CNLPT/ PTF / Privé / société civile...) afin de favoriser "
         "une convergence de vue et une synergie d'action",
         "Organiser une consultation nationale de tous les acteurs (CIM/CNS/CNLPT/ PTF / Privé / société "
         "civile...) afin de faire une revue des programmes et projets de lutte contre le travail des enfants et "
         "la traite des personnes", "CIM/CNS/ CNLPT/ PTF / Privé / société civile...)", "A moyen terme", "A définir"),
        ("Mettre en place une Task force alliance 8.7 au niveau local regroupant toutes les parties prenantes en "
         "matière de lutte contre le travail des enfants et la traite des personnes",
         "- Identifier toutes les parties prenantes en matière de lutte contre le travail des enfants et la traite "
         "des personnes œuvrant dans le Département ;\n- prise d'un arrêté préfectoral portant création, "
         "organisation et fonctionnement de la Task force au niveau local",
         "CIM/CNS/ CNLPT/ PTF / Privé / société civile...)", "A court terme", "A définir"),
        ("Concevoir un répertoire des structures publiques et privées habilitées à réaliser des actions de lutte "
         "contre le travail des enfants et la traite des personnes",
         "Identifier et recenser toutes les parties prenantes actives en matière de lutte contre le travail des "
         "enfants et la traite des personnes.", "CIM/CNS/ CNLPT/ PTF / Privé / société civile...)",
         "A court terme", "A définir"),
        ("Doter le corps préfectoral d'un répertoire des programmes et projets de lutte contre le travail des "
         "enfants et la traite des personnes validés par le gouvernement.",
         "- Elaborer un répertoire des programmes et projets de lutte contre le travail des enfants et la traite "
         "des personnes autorisés à être mis en œuvre en Côte d'Ivoire sur des périodes données ;\n- mettre ce "
         "répertoire à la disposition du corps préfectoral et l'actualisé en cas de besoin.",
         "CIM/CNS/ CNLTP", "A court terme", "A définir"),
    ]),
    ("Suivi, collecte de données, partage de connaissances", [
        ("Intégrer des indicateurs relatifs à la traite des personnes dans l'outil 4 du SOSTECI qui permet de "
         "collecter les efforts des partenaires en matière de lutte contre le travail",
         "Organiser des réunions conjointes avec les équipes techniques du CIM et du CNLTP en vue d'identifier des "
         "indicateurs permettant de capter les informations en matière de traite des personnes dans l'optique "
         "d'alimenter la base de données nationales SOSTECI", "CIM/CNS/ CNLTP", "A moyen terme", "A définir"),
        ("Digitaliser les outils du SOSTECI",
         "-Recruter un consultant développeur d'application ; -concevoir une application permettant de digitaliser "
         "les outils du SOSTECI ; -organiser une réunion de validation de l'application ; -opérationnaliser "
         "l'application en l'installant dans des smartphones.", "CIM/CNS", "A court terme", "A définir"),
        ("Vulgariser les outils digitalisés de collecte auprès de tous les acteurs de lutte contre le travail des "
         "enfants et la traite des personnes",
         "Organiser des ateliers de présentation des outils digitalisés de collecte auprès de tous les acteurs de "
         "lutte contre le travail des enfants et la traite des personnes", "CIM/CNS/ CNLTP", "A court terme",
         "A définir"),
        ("Renforcer les capacités des acteurs de lutte contre le travail des enfants et la traite des personnes à "
         "la collecte de données",
         "Organiser des ateliers de formation des acteurs de lutte contre le travail des enfants et la traite des "
         "personnes à l'utilisation des outils digitaux de collecte de données.", "CIM/CNS/ CNLTP",
         "A moyen terme", "A définir"),
        ("Etendre le SOSTECI sur tout le territoire national.",
         "- Sensibiliser les populations\n- Installer des comités de lutte contre le travail des enfants\n- Former "
         "les Comités SOSTECI à la protection des contre le travail et la traite des personnes\n- Faire la collecte "
         "des données\n- Elaborer des rapports sur la prévalence du travail et la traite des personnes des "
         "localités cibles", "CIM/CNS/ CNLTP", "A long terme", "A définir"),
        ("Produire des rapports consolidés de toutes les activités des parties prenantes en matière de lutte "
         "contre le travail des enfants et la traite des personnes.",
         "- Organiser des ateliers bilan annuelles des activités des parties prenantes en matière de lutte contre "
         "le travail des enfants et la traite des personnes ;\n- élaborer des rapports consolidés de l'atelier "
         "bilan des parties prenantes de lutte contre le travail des enfants et la traite des personnes.",
         "CIM/CNS/ CNLPT/ PTF / Privé / société civile...)", "A long terme", "A définir"),
        ("Réaliser des enquêtes statistiques en 2022 et en 2025 sur le travail des enfants et la traite des "
         "personnes",
         "Recruter un Consultant/Cabinet/Institut pour la réalisation des enquêtes statistiques en 2022 et en 2025 "
         "sur le travail des enfants et la traite des personnes",
         "CIM/CNS/ CNLPT/ PTF / Privé / société civile...)", "A moyen et long terme", "A définir"),
    ]),
    ("Politiques et lois", [
        ("Faire une revue des textes juridiques relatifs au travail des enfants et à la traite des personnes afin "
         "de dresser un état des lieux et de formuler, le cas échéant, des propositions concrètes pour remédier "
         "aux insuffisances, assurer une réelle opérationnalisation et harmonisation des textes",
         "-Recruter un Consultant/Cabinet organiser un atelier de validation du rapport du Consultant/Cabinet.",
         "CIM/CNS/ CNLTP/ PTF / Privé / société civile...)", "A moyen terme", "A définir"),
        ("Renforcer les moyens, les capacités et les mécanismes des organes de contrôle d'application des textes "
         "en vigueur en matière de travail des enfants et de traite des personnes.",
         "- Organiser un atelier de formation des membres des organes de contrôle sur les textes en vigueur en "
         "matière de travail des enfants et de traite des personnes ;\n- Equiper les organes de contrôle en "
         "matériels roulants (véhicules, motos), en matériels de communication (Radio, Talkie-Walkie) et "
         "informatique, etc. ;\n- Etendre les unités de la Sous-direction de la lutte contre le trafic des enfants "
         "et la délinquance juvénile à de nouvelles localités.",
         "CIM/CNS/ CNLTP/ PTF / Privé / société civile...)", "- A court terme  - A moyen terme  - A long terme",
         "A définir"),
        # The table row breaks across a page: "concernant les domaines de synergie." is
        # printed on a row of its own; it is joined here to the action it completes.
        ("Engager un processus permettant un alignement et une complémentarité des plans d'action nationaux "
         "relatifs au travail des enfants et à la traite des personnes (période 2021-2025) concernant les "
         "domaines de synergie.",
         "Organiser un atelier d'harmonisation des plans d'action nationaux relatifs au travail des enfants et à "
         "la traite des personnes (période 2021-2025).", "CIM/CNLTP", "A moyen terme", "A définir"),
        ("Eriger le travail des enfants et la traite des personnes en programmes",
         "Faire un plaidoyer auprès des autorités", "CIM/CNS/ CNLTP", "A moyen terme", "-"),
        ("Inscrire la lutte contre le travail des enfants et la traite des personnes dans le budget programme du "
         "gouvernement.", "Faire un plaidoyer auprès des autorités", "CIM/CNS/ CNLTP", "A moyen terme", "-"),
    ]),
    ("Financement des efforts de lutte contre le travail des enfants, le travail forcé et la traite des personnes", [
        ("Mettre en place un mécanisme de financement conjoint des interventions de lutte contre le travail des "
         "enfants et la traite des personnes",
         "Organiser des réunions avec les membres du CIM et du CNLTP pour mener des réflexions sur un mécanisme de "
         "financement conjoint des interventions", "CIM/CNS/ CNLTP/ PTF / Privé / société civile...)",
         "A moyen terme", "A définir"),
        ("Capter des financements de nouveaux bailleurs potentiellement intéressés par la traite des personnes ou "
         "le travail des enfants telles que la BAD, BOAD, BID etc. et les fondations",
         "- Faire un répertoire de nouveaux bailleurs ;\n- Effectuer une analyse coût bénéfice comme outil d'aide "
         "au plaidoyer pour l'obtention de financements additionnels ;\n- mener des plaidoyers auprès des premiers "
         "responsables de ces institutions financières et fondations.", "CIM/CNLPT/ PTF / Privé",
         "A court terme", "A définir"),
        ("Explorer la possibilité de mettre en place des financements innovants pour lutter contre le travail des "
         "enfants et la traite des personnes",
         "Organiser un atelier de réflexion sur le financement innovants de la lutte contre le travail des enfants "
         "et la traite des personnes en Côte d'Ivoire »", "CIM/CNS/ CNLPT/ PTF / Privé / société civile...)",
         "A moyen terme", "A définir"),
        ("Faire un plaidoyer pour l'augmentation des financements des bailleurs de fonds (BIT, Unicef, OIM, "
         "ONUDC, Expertise France, etc.)",
         "Organiser des tables rondes pour la présentation des matrices d'activités conjointes CIM-CNLTP en "
         "matière de lutte contre le travail des enfants et la traite des personnes aux bailleurs de fonds ;",
         "CIM/CNS/ CNLTP", "A court terme", "A définir"),
    ]),
]

# --- Côte d'Ivoire: progress report May - December 2023 (seed 003) ---------------
CI_REPORT = "Rapport d'avancement Alliance 8.7 Côte d'Ivoire, mai - décembre 2023 (seed 003)"
CI_AS_OF = dt.date(2023, 12, 31)
NOT_LEGIBLE = ("La case cochée n'est pas lisible dans la source (les quatre choix y sont listés) : statut "
               "déduit du texte du rapport.")
CI_STATUS = [
    ("2.4", "En cours",
     f"Prochaine étape n° 2 (Q6). {NOT_LEGIBLE} Formations au SOSTECI du 21 au 27 juin et des comités "
     "villageois du 11 au 17 septembre 2023 (Q2) ; « poursuite du renforcement des capacités » en priorité 2024 (Q9).",
     "Q2, Q6, Q9"),
    ("3.1", "En cours",
     f"Prochaine étape n° 3 (Q7). {NOT_LEGIBLE} Validation technique de l'avant-projet de loi révisant la loi "
     "n° 2016-1111 relative à la traite des personnes, du 11 au 14 juillet 2023, transmis au Secrétariat général "
     "du Gouvernement (Q3).", "Q3, Q7"),
    ("4.2", "En cours",
     "Prochaine étape n° 4 (Q8) : accords de partenariat du CNLTP signés avec Save the Children Côte d'Ivoire et "
     "la Fondation ICI ; propositions d'IRC à Barry Callebaut et SACO ; accords avec la GIZ et Expertise France ; "
     "répertoire de nouveaux bailleurs envisagé en 2024.", "Q4, Q8"),
    ("1.4", "Planifiée", "Priorité 1 pour janvier-décembre 2024 (Q9).", "Q9"),
    ("3.2", "En cours",
     "« Poursuite du renforcement des moyens, des capacités et des mécanismes des organes de contrôle » : "
     "priorité 3 pour 2024 (Q9).", "Q9"),
    ("4.4", "En cours", "« Poursuite du plaidoyer pour l'augmentation des financements des bailleurs » : "
     "priorité 4 pour 2024 (Q9).", "Q9"),
]
TIP, CL = "traite des personnes", "travail des enfants"
CI_Q15_CL = "Q15 (lutte contre la traite, l'exploitation et le travail des enfants)"
# (indicator, theme, start, end, sex, age, value, organisation, source detail, comment)
CI_INDICATORS = [
    ("Victimes assistées", TIP, "", "", "", "", "2 292", "", "Q15 (traite des personnes), 1re puce", ""),
    ("Personnes sensibilisées", TIP, "", "", "", "", "33 718", "", "Q15 (traite des personnes), 2e puce", ""),
    ("Affaires ayant fait l'objet d'enquête", TIP, "", "", "", "", "98", "", "Q15 (traite des personnes), 3e puce", ""),
    ("Personnes poursuivies", TIP, "", "", "", "", "109", "", "Q15 (traite des personnes), 4e puce", ""),
    ("Personnes condamnées", TIP, "", "", "", "", "46", "", "Q15 (traite des personnes), 5e puce", ""),
    ("Opérations de police", TIP, "", "", "", "", "10", "", "Q15 (traite des personnes), 6e puce",
     "Opérations de démantèlement de réseaux de traite des personnes"),
    ("Acteurs formés", TIP, "", "", "", "", "1 303", "", "Q15 (traite des personnes), 7e puce", ""),
    ("Victimes secourues", CL, "", "", "", "enfants", "3057", "", f"{CI_Q15_CL}, 1re puce",
     "Victimes de différentes violences"),
    ("Victimes secourues", CL, "", "", "Filles", "enfants", "1100", "", f"{CI_Q15_CL}, 1re puce", ""),
    ("Victimes secourues", CL, "", "", "Garçons", "enfants", "1957", "", f"{CI_Q15_CL}, 1re puce", ""),
    ("Personnes arrêtées", CL, "", "", "", "", "1250", "", f"{CI_Q15_CL}, 1re puce", ""),
    ("Personnes arrêtées", CL, "", "", "Femmes", "", "245", "", f"{CI_Q15_CL}, 1re puce", ""),
    ("Personnes arrêtées", CL, "", "", "hommes", "", "1005", "", f"{CI_Q15_CL}, 1re puce", ""),
    ("Victimes secourues", CL, "", "", "", "", "1857", "", f"{CI_Q15_CL}, 2e puce",
     "Victimes de traite, d'exploitation et de travail des enfants"),
    ("Personnes arrêtées", CL, "", "", "", "", "603", "", f"{CI_Q15_CL}, 2e puce", ""),
    ("Victimes secourues", CL, "", "", "", "", "975", "", f"{CI_Q15_CL}, 3e puce",
     "Victimes de traite à des fins de travail des enfants"),
    ("Personnes arrêtées", CL, "", "", "", "", "237", "", f"{CI_Q15_CL}, 3e puce", ""),
    ("Enfants retirés", CL, "", "", "", "enfants", "472", "", f"{CI_Q15_CL}, 4e puce",
     "Enfants sans domicile fixe ou mendiants retirés de la rue"),
    ("Enfants retirés", CL, "", "", "filles", "enfants", "162", "", f"{CI_Q15_CL}, 4e puce", ""),
    ("Enfants retirés", CL, "", "", "Garçons", "enfants", "310", "", f"{CI_Q15_CL}, 4e puce", ""),
    ("Personnes arrêtées", CL, "", "", "", "", "277", "", f"{CI_Q15_CL}, 4e puce", ""),
    ("Personnes arrêtées", CL, "", "", "Femmes", "", "44", "", f"{CI_Q15_CL}, 4e puce", ""),
    ("Personnes arrêtées", CL, "", "", "Hommes", "", "233", "", f"{CI_Q15_CL}, 4e puce", ""),
    ("Enfants en formation professionnelle", CL, "", "", "", "enfants", "60", "BIT", "Q2 et Q15",
     "Enfants de 14-16 ans, 4 métiers, 2 mois, puis 6 mois de stage ; insérés auprès de maîtres artisans"),
    ("Acteurs formés", TIP, "", "", "", "", "135", "", "Q13, 5e puce",
     "Acteurs nationaux formés (traite, trafic illicite de migrants, MNR, POS) : « 65 hommes et 31 femmes »"),
    ("Acteurs formés", TIP, "", "", "hommes", "", "65", "", "Q13, 5e puce", ""),
    ("Acteurs formés", TIP, "", "", "femmes", "", "31", "", "Q13, 5e puce", ""),
    ("Visites d'échange organisées", TIP, "", "", "", "", "1", "CNLTP", "Q13, 6e puce",
     "Visite d'échanges à Abuja entre le CNLTP et la NAPTIP"),
    ("Participants aux visites d'échange", TIP, "", "", "", "", "30", "CNLTP", "Q13, 6e puce",
     "Visite d'échanges à Abuja (NAPTIP)"),
    ("Participants aux visites d'échange", TIP, "", "", "H", "", "17", "CNLTP", "Q13, 6e puce", ""),
    ("Participants aux visites d'échange", TIP, "", "", "F", "", "13", "CNLTP", "Q13, 6e puce", ""),
    ("Victimes assistées au retour", TIP, "octobre 2022", "décembre 2023", "", "", "117", "", "Q13, 7e puce",
     "Retour volontaire dans les pays d'origine, d'octobre 2022 à décembre 2023"),
    ("Victimes réintégrées", TIP, "", "", "", "", "59", "", "Q13, 8e puce",
     "Bénéficiaires assistés à la réintégration dans leurs pays d'origine"),
    ("Cellules régionales de lutte contre la traite installées", TIP, "", "", "", "", "02", "OIM, CNLTP",
     "Q1 et Q13, 9e puce", "Régions du Gbêkê et de la Nawa (Bouaké et Soubré, Q1)"),
    ("Acteurs formés", TIP, "", "", "", "", "63", "", "Q13, 10e puce",
     "Personnel des centres de transit formé à la prise en charge psychologique des victimes de traite"),
    ("Acteurs formés", TIP, "", "", "hommes", "", "39", "", "Q13, 10e puce", ""),
    ("Acteurs formés", TIP, "", "", "femmes", "", "24", "", "Q13, 10e puce", ""),
    ("Comités de protection de l'enfant installés", CL, "", "", "", "", "400", "", "Q1 et Q13",
     "« plus de 400 CPE installés » (Q1) ; « 400 CPE » (Q13)"),
    ("Réunions de coordination tenues", CL, "", "", "", "", "06", "Save the Children", "Q1",
     "Haut Sassandra, avec les partenaires opérationnels"),
    ("Groupements de prestations de services communautaires", CL, "", "", "", "", "44", "Save the Children",
     "Q1 et Q13", ""),
    ("Plateformes de protection de l'enfant mises en place", CL, "", "", "", "", "3",
     "Save the Children, UNICEF", "Q1", "Régions de la Bagoué, du Poro et de la Nawa (secteur minier)"),
    ("Coopératives associées", CL, "", "", "", "", "9", "ASA-CI", "Q1",
     "Coopératives agricoles encouragées à participer aux réunions des plateformes"),
    ("Comités de suivi du travail des enfants installés", CL, "", "", "", "", "4", "CIM, CNS", "Q2",
     "Comités départementaux de la région de la Nawa (extension du SOSTECI), 26-27 juillet 2023"),
    ("Véhicules et motos fournis", CL, "", "", "", "", "100", "Conseil du Café-Cacao", "Q2",
     "Motos pour les agents vérificateurs du travail des enfants, 24 août 2023"),
    ("Véhicules et motos fournis", CL, "", "", "", "", "2", "Save the Children", "Q4",
     "2 motos (et 1 ordinateur) au comité départemental de suivi du travail des enfants"),
    ("Appui en nature (F CFA)", "", "", "", "", "", "10.000.000", "Save the Children", "Q4",
     "Appui en vivres et kits hygiéniques d'un montant de 10.000.000 F CFA (un montant, pas un compte)"),
    ("Jeunes accompagnés à l'insertion", "", "", "", "", "", "189", "Save the Children", "Q4",
     "Installation et insertion socio-professionnelle"),
]

# --- Côte d'Ivoire - United States CPC partnership (seed 004) ----------------------
CPC_DOC = "Partenariat relatif au Pacte pour la protection de l'enfance (CPC), signé le 7 décembre 2022 (seed 004)"
CPC_PLAN = "Partenariat CPC Côte d'Ivoire - États-Unis 2022-2027"
CPC_SEMESTERS = [f"{y}-S{h}" for y in range(2022, 2028) for h in (1, 2)][1:]  # 2022-S2 .. 2027-S2
CPC_OBJECTIVES = [
    ("Prévention", "Les efforts de prévention de la traite des mineurs sont coordonnés et ciblés sur l'ensemble "
     "du territoire national.", "Annexe A, PRÉVENTION", [
        "Mener une étude qualitative sur la nature, les causes et les manifestations de la traite des enfants en "
        "Côte d'Ivoire conjointement avec les experts Ivoiriens et les acteurs gouvernementaux de la Côte d'Ivoire",
        "Mener des campagnes de sensibilisation et de communication contre la traite des enfants à travers le pays "
        "en ciblant les communautés à risque, les acteurs du secteur des transports et les agents publics des "
        "postes frontaliers.",
        "Organiser et institutionnaliser des séminaires de formation des Magistrats, des Policiers, des Douaniers, "
        "des Gendarmes, des autorités des Eaux et Forêts, des Agents des mines, des Diplomates ivoiriens à "
        "l'étranger, des Comités régionaux interministériels, des Travailleurs Sociaux, des Inspecteurs du Travail, "
        "des Enseignants, des Infirmiers, des ONG locales, et des Journalistes et sur l'identification de la traite "
        "des enfants et les procédures de prise en charge des victimes, conformément au mécanisme national de "
        "référencement (MNR) en cours et aux procédures d'identification des victimes.",
        "Élaborer et mettre à la disposition des acteurs nationaux des outils de formation et de sensibilisation "
        "contre la traite des enfants.",
        "Travailler avec les Ministères concernés pour promouvoir l'enregistrement des naissances et l'acquisition "
        "de documents d'identité.",
        "Élaborer et échanger des procédures opérationnelles standards (POS) et/ou des guides concernant la "
        "sensibilisation à la traite des enfants et la prévention auprès des dirigeants communautaires et d'autres "
        "parties prenantes.",
        "Fournir une assistance technique au Ministère de l'Emploi et de la Protection Sociale pour les inspections "
        "inopinées.",
        "Collaborer avec les coopératives d'agriculteurs et les Comités de protection de l'enfance existants pour "
        "instaurer des initiatives de résilience économique.",
        "Offrir des interventions ciblées telles que : travailler avec des coopératives d'épargne et de crédit "
        "communautaires, créer d'autres stratégies d'inclusion financière, dispenser des formations "
        "professionnelles, et trouver des moyens de subsistance alternatifs pour les communautés les plus vulnérables.",
        "Mobiliser les établissements scolaires et les communautés afin de créer et d'adopter des plans d'action "
        "pour la prévention de la traite des enfants.",
        "Renforcer les capacités opérationnelles des structures nationales en charge de la lutte contre la traite "
        "des enfants en Côte d'Ivoire.",
        "Fournir un soutien pour étendre le Système d'Observation et de Suivi du Travail des Enfants en Côte "
        "d'Ivoire (SOSTECI) pour inclure les enfants victimes de la traite à l'intérieur et à l'extérieur du "
        "secteur du cacao.",
        "Appuyer et fournir une assistance technique au Ministère de la Femme, de la Famille et de l'Enfance sur "
        "des stratégies de prévention efficaces.",
    ]),
    ("Protection", "La Côte d'Ivoire appuie directement les enfants victimes de la traite en leur apportant des "
     "soins disponibles et aisément accessibles à l'aide d'une approche tenant compte des traumatismes subis et "
     "axée sur les victimes, et il soutient la société civile locale qui œuvre à la protection dans l'ensemble "
     "du pays.", "Annexe A, PROTECTION", [
        "Développer et/ou renforcer les programmes d'études existants et mettre en œuvre des formations axées sur "
        "les victimes ainsi que des approches tenant compte des traumatismes subis à l'intention des travailleurs "
        "sociaux et des collaborateurs travaillant dans les centres sociaux (assortis d'un mentorat et d'un "
        "coaching de suivi).",
        "Institutionnaliser les formations nouvellement créées pour les travailleurs sociaux et les fonctionnaires "
        "des centres sociaux dans les programmes des institutions nationales de formation.",
        "Fournir un appui direct (Ordinateurs, motos, véhicules, fournitures et matériels de bureau, consommables "
        "informatiques...) aux Centres Sociaux de l'Etat, au Inspections du Travail, et aux services de police afin "
        "de renforcer leur capacité à protéger les enfants victimes de la traite.",
        "Fournir un appui direct aux organisations de la société civile qui offrent des services de protection aux "
        "enfants victimes de la traite, et qui sont reconnues et qui travaillent en collaboration avec les "
        "Ministères techniques concernés.",
        "Mener des activités de plaidoyer auprès du Gouvernement pour qu'il ouvre des centres sociaux "
        "supplémentaires dans des endroits ciblés.",
        "Créer une base de données complète de tous les prestataires de services qui travaillent dans la "
        "protection de l'enfance.",
        "Appuyer les efforts de réintégration, y compris mais sans s'y limiter, d'apprentissage/formation "
        "professionnelle, de paiement des frais de scolarité, de soutien aux petites entreprises.",
        "Faire du plaidoyer en faveur de la création d'une ligne budgétaire dédiée à la traite des personnes dans "
        "le budget national de la protection.",
        "Appuyer la ligne d'assistance téléphonique et l'application mobile afin qu'elles soient plus réactives à "
        "l'égard des victimes et accroître les capacités à identifier et assister les victimes.",
        "Renforcer les capacités des acteurs concernés pour mettre en œuvre le MNR et établir des procédures "
        "opérationnelles standards (POS) de prise en charge des victimes de traite des personnes, surtout des "
        "enfants.",
        "Organiser une revue annuelle du MNR et des POS d'assistance aux victimes de traite des personnes.",
        "Reproduire et diffuser la cartographie des structures d'assistance, des centres d'accueil et de transit "
        "des victimes de la traite des personnes.",
        "Fournir une assistance et/ou un soutien opérationnel pour soutenir les centres d'Etat d'accueil et de "
        "transit des victimes de traite des personnes, surtout des enfants.",
        "Fournir une assistance et/ou un soutien opérationnel pour soutenir les centres privés de prise en charge "
        "des victimes de traite des personnes.",
    ]),
    # The annex prints this block's activities with no heading (a page break); its place
    # between PROTECTION and PARTENARIAT and its content are section II's 3rd objective.
    ("Poursuites judiciaires", "Les Forces de l'Ordre et les acteurs de l'appareil judiciaire, parmi lesquels "
     "figurent les Magistrats du Parquet (Procureurs et Substituts), utilisent le cadre juridique en vigueur, "
     "spécifique à la traite des personnes, pour identifier les victimes de la traite des enfants, enquêter sur "
     "les affaires liées à la traite des enfants, poursuivre et condamner les auteurs selon une approche axée sur "
     "les victimes, en tenant compte des traumatismes subis par les enfants.",
     "Annexe A, 3e bloc d'activités (titre absent de la source ; objectif 3 de la section II)", [
        "Appuyer un consultant/mentor destiné au Ministère de la Justice et/ou aux Unités de la Police.",
        "Développer et/ou renforcer les programmes d'études existants et mettre en œuvre des formations complètes "
        "(initiales et avancées) pour les acteurs du secteur de la justice concernant la législation de lutte "
        "contre la traite des personnes et les modalités de son utilisation au cours des enquêtes, poursuites et "
        "condamnations.",
        "Mettre en œuvre et/ou institutionnaliser des formations complètes existantes dans les programmes "
        "d'enseignement destinés aux nouveaux personnels du secteur judiciaire.",
        "Élaborer des procédures opérationnelles permanentes et des plans d'application afférents pour "
        "l'identification des victimes et la gestion des dossiers, conforme à la MNR et POS d'identification des "
        "victimes.",
        "Aménager des espaces adaptés pour les enfants admis dans les locaux de la Sous-Direction de la Police "
        "Criminelle chargée de la lutte contre le Trafic d'Enfants et la Délinquance Juvénile (SDLTETDJ) ou dans "
        "d'autres Service de Police similaires.",
        "Créer des politiques concernant les espaces adaptés aux enfants qui sont adoptées et servent à former les "
        "personnels concernés.",
        "Fournir une assistance et/ou un soutien opérationnel pour soutenir des unités supplémentaires au "
        "SDLTETDJ qui se concentrent sur les enfants victimes de la traite en dehors d'Abidjan.",
        "Doter les entités publiques en charge de la lutte contre la traite des enfants en Côte d'Ivoire "
        "(SDLTETDJ, CNS, CIM, CNLTP, UCT, Brigade Mondaine), de motos, véhicules, de matériel et de fournitures de "
        "bureau adéquats.",
        "Passer en revue les systèmes de collecte de données utilisés par les acteurs juridiques pour assurer "
        "qu'ils sont complets et échangeables avec les parties prenantes concernées.",
        "Former les entités des forces de l'ordre aux méthodes tenant compte des traumatismes subis et adaptées "
        "aux enfants pour recueillir des éléments de preuve et des témoignages auprès des survivants de la traite "
        "des enfants.",
        "Apporter un appui à la réalisation d'opérations de police de lutte contre la traite des enfants.",
        "Rédiger et diffuser un manuel d'enquête, de poursuite et de jugement à l'intention des acteurs de la "
        "chaîne pénale.",
        "Adopter des protocoles avec l'approche axée sur les victimes, et tenant compte des traumatismes subis "
        "pour interviewer des témoins et victimes.",
        "Appuyer la prise en charge des procédures judiciaires par rapport aux cas de traite des enfants.",
        "Apporter un appui pour les investigations des cas de traite des enfants.",
        "Organiser un atelier d'appropriation des nouveaux instruments de répression sur la traite et "
        "l'exploitation des enfants.",
        "Développer et institutionnaliser des procédures adaptées aux enfants pour l'accompagnement des enfants "
        "victimes et témoins de la traite des personnes devant les tribunaux.",
    ]),
    ("Partenariat", "La Côte d'Ivoire lutte contre la traite des enfants de façon coordonnée avec tous les "
     "Ministères concernés ainsi que les Organisations de la société civile, les communautés locales et "
     "étrangères.", "Annexe A, PARTENARIAT", [
        "Établir un Comité de coordination des OSC et préparer un projet de plan de pérennité en assurant le "
        "fonctionnement dans la durée.",
        "Animer une planification des actions de durabilité afin de poursuivre les efforts du CPC au-delà de la "
        "fin de l'accord.",
        "Former les entités concernées au MNR.",
        "Organiser des rencontres entre le CNLTP, le CIM et le CNS pour une coordination intégrée de la lutte "
        "contre la traite des personnes, surtout des enfants.",
        "Produire avec tous les acteurs impliqués un rapport national annuel sur la traite des personnes, "
        "notamment sur la lutte contre la traite des enfants.",
        "Organiser un colloque international de partage d'expériences et de recherche de complémentarité.",
        "Renforcer les capacités des acteurs des Ministères techniques, des collectivités territoriales, de la "
        "société civile et du secteur privé visant à développer chez eux l'expertise nécessaire pour mener la "
        "lutte contre la traite des personnes, notamment la lutte contre la traite des enfants, dans leurs milieux "
        "respectifs d'intervention.",
        "Doter les Comités Nationaux (CNS, CIM, CNLTP) d'appui pour la mise en œuvre d'un plan d'action de lutte "
        "contre la traite des personnes, (y compris le plan d'action national de lutte contre la traite 2021-2025 "
        "en attente), notamment la lutte contre la traite des enfants.",
        "Soutenir la réactivation des protocoles d'accord intergouvernementaux sur la traite avec les pays voisins "
        "de la région.",
        "Apporter un soutien à la mise en œuvre d'un système national complet de collecte de données sur la "
        "traite des enfants.",
    ]),
]

# --- writing -------------------------------------------------------------------
PLAN_HEADERS = ["Pays", "Plan", "Code axe", "Axe", "Code effet", "Effet", "Code action", "Action", "Priorité",
                "Responsable principal", "Co-responsables", "Partenaires", "Coût estimé", "Fonds disponibles",
                "Source des fonds", "Devise", "Moyens", "Horizon"]
INDICATOR_HEADERS = ["Pays", "Début période", "Fin période", "Domaine", "Indicateur", "Sexe", "Âge", "Valeur",
                     "Source", "Organisation", "Code action", "Commentaire"]
STATUS_HEADERS = ["Pays", "Plan", "Code action", "Date", "Statut", "Commentaire", "Source"]
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP = Alignment(wrap_text=True, vertical="top")


class SheetWriter:
    """Title rows, a header row, data rows; remembers where each row went for merges."""

    def __init__(self, workbook: Workbook, title: str, headers: list[str], notes: list[str]):
        self.ws = workbook.create_sheet(title)
        self.headers = headers
        for i, note in enumerate(notes, start=1):
            self.ws.cell(i, 1, note).font = Font(bold=(i == 1), italic=(i > 1))
        self.header_row = len(notes) + 2
        for col, name in enumerate(headers, start=1):
            cell = self.ws.cell(self.header_row, col, name)
            cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
        self.next_row = self.header_row + 1
        self.ws.freeze_panes = self.ws.cell(self.header_row + 1, 1)

    def col(self, name: str) -> int:
        return self.headers.index(name) + 1

    def add(self, values: dict[str, object], fill: PatternFill | None = None) -> int:
        row = self.next_row
        for name, value in values.items():
            if value in (None, ""):
                continue
            cell = self.ws.cell(row, self.col(name), value)
            cell.alignment = WRAP
            if fill:
                cell.fill = fill
        self.next_row += 1
        return row

    def merge(self, name: str, first: int, last: int, last_name: str | None = None) -> None:
        if last > first or last_name:
            self.ws.merge_cells(start_row=first, start_column=self.col(name),
                                end_row=last, end_column=self.col(last_name or name))

    def widths(self, widths: dict[str, float]) -> None:
        for name in self.headers:
            self.ws.column_dimensions[get_column_letter(self.col(name))].width = widths.get(name, 10)


def _readme(workbook: Workbook, lines: list[str]) -> None:
    ws = workbook.active
    ws.title = "Lisez-moi"
    for i, line in enumerate(lines, start=1):
        ws.cell(i, 1, line).alignment = Alignment(wrap_text=False)
    ws.cell(1, 1).font = Font(bold=True, size=13)
    ws.column_dimensions["A"].width = 140


PLAN_WIDTHS = {"Pays": 12, "Plan": 18, "Code axe": 6, "Axe": 26, "Code effet": 7, "Effet": 30, "Code action": 8,
               "Action": 48, "Priorité": 9, "Responsable principal": 13, "Co-responsables": 14,
               "Partenaires": 16, "Coût estimé": 12, "Fonds disponibles": 12, "Source des fonds": 14,
               "Devise": 7, "Moyens": 30, "Horizon": 12, "Type de plan": 10, "Source": 40}


def cameroon_workbook() -> Workbook:
    wb = Workbook()
    _readme(wb, [
        "Cameroun - Plan d'action Alliance 8.7 2021-2025, suivi mai 2022 - avril 2023",
        f"Feuille Plan : {CM_DOC}, section 5 (calendrier, responsables, coûts en USD tels qu'imprimés) ; "
        "priorités : section 4.",
        "Tels qu'imprimés : le total général (542 000) omet l'effet 3.1 ; le code 3.2.2 est porté par deux "
        "actions ; MINTESS, MINJUSTUCE, CNDHL, « Parte-naires ».",
        "La ligne du total général est imprimée sans libellé au bas du tableau de l'axe 3 : le libellé « Total » "
        "est ajouté ici pour que le modèle la reconnaisse.",
        f"Feuilles Suivi et Indicateurs : {CM_REPORT}, question citée dans la colonne Source.",
        "Ce classeur suit le modèle décrit dans shared/spec/workbook.md et sert d'exemple aux points focaux.",
    ])
    sheet = SheetWriter(wb, "Plan", PLAN_HEADERS + SEMESTERS_CM + ["Source"], [
        "Plan d'action Alliance 8.7 du Cameroun 2021-2025 : calendrier de mise en œuvre des actions",
        f"Source : {CM_DOC}, section 5 ; priorités : section 4. Montants en dollars US ($), tels qu'imprimés.",
    ])
    sheet.widths({**PLAN_WIDTHS, **{s: 5 for s in SEMESTERS_CM}})
    first_data = sheet.next_row
    axis_rows: dict[str, list[int]] = {}
    current_effect = None
    for code, title, marks, lead, co, partners, cost, funds, means in CAMEROON_ACTION_ROWS:
        effect = code.rsplit(".", 1)[0]
        axis = code.split(".")[0]
        if effect != current_effect:
            current_effect = effect
            label, stated_cost, stated_funds = CM_EFFECTS[effect]
            row = sheet.add({"Code effet": effect, "Effet": f"Effet {effect} : {label}",
                             "Coût estimé": stated_cost, "Fonds disponibles": stated_funds,
                             "Source": f"{CM_DOC}, section 5 : sous-total de l'effet {effect} tel qu'imprimé"
                             if stated_cost else f"{CM_DOC}, section 5 : pas de sous-total imprimé"},
                            fill=TOTAL_FILL)
            axis_rows.setdefault(axis, []).append(row)
        # Section 4 numbers the duplicated 3.2.2 ("Réviser la loi de 2011") as 3.2.3.
        second_322 = code == "3.2.2" and title.startswith("Réviser")
        priority_code = {"3.2.3": "3.2.4"}.get(code, code)
        if second_322:
            priority_code = "3.2.3"
        priority = "élevée" if (code in CM_HIGH and code != "3.2.3") or second_322 else "moyenne"
        assert (code in CM_HIGH | CM_MEDIUM), code
        row = sheet.add({
            "Code action": code, "Action": title, "Priorité": priority, "Responsable principal": lead,
            "Co-responsables": co, "Partenaires": partners, "Coût estimé": cost, "Fonds disponibles": funds,
            "Devise": "USD", "Moyens": means,
            **{s: m for s, m in zip(SEMESTERS_CM, marks)},
            "Source": f"{CM_DOC}, section 5 (axe {axis}) ; priorité : section 4."
                      f"{'1' if priority == 'élevée' else '2'} (action {priority_code})",
        })
        axis_rows[axis].append(row)
        if cost.startswith("Action à cumuler"):
            # In the printed table this text spans the cost, available and source cells.
            sheet.merge("Coût estimé", row, row, "Source des fonds")
    total_row = sheet.add({"Action": "Total", "Coût estimé": CM_PRINTED_TOTAL[0],
                           "Fonds disponibles": CM_PRINTED_TOTAL[1], "Devise": "USD",
                           "Source": f"{CM_DOC}, section 5 : total général imprimé sans libellé au bas du "
                                     "tableau de l'axe 3"}, fill=TOTAL_FILL)
    for axis, rows in axis_rows.items():
        ws_rows = (min(rows), max(rows))
        sheet.ws.cell(ws_rows[0], sheet.col("Code axe"), axis)
        sheet.ws.cell(ws_rows[0], sheet.col("Axe"), CM_AXES[axis]).alignment = WRAP
        sheet.merge("Code axe", *ws_rows)
        sheet.merge("Axe", *ws_rows)
    sheet.ws.cell(first_data, sheet.col("Pays"), "Cameroun")
    sheet.ws.cell(first_data, sheet.col("Plan"), CM_PLAN).alignment = WRAP
    sheet.merge("Pays", first_data, total_row)
    sheet.merge("Plan", first_data, total_row)

    status = SheetWriter(wb, "Suivi", STATUS_HEADERS, [
        "Cameroun : état d'avancement des actions au 30 avril 2023", f"Source : {CM_REPORT}"])
    status.widths({"Pays": 12, "Plan": 30, "Code action": 10, "Date": 12, "Statut": 12, "Commentaire": 90,
                   "Source": 40})
    for code, state, comment, questions in CM_STATUS:
        status.add({"Pays": "Cameroun", "Plan": CM_PLAN, "Code action": code, "Date": CM_AS_OF,
                    "Statut": state, "Commentaire": comment, "Source": f"{CM_REPORT}, {questions}"})
        status.ws.cell(status.next_row - 1, status.col("Date")).number_format = "DD/MM/YYYY"

    indicators = SheetWriter(wb, "Indicateurs", INDICATOR_HEADERS, [
        "Cameroun : comptes rapportés pour mai 2022 - avril 2023", f"Source : {CM_REPORT}"])
    indicators.widths({"Pays": 12, "Début période": 14, "Fin période": 14, "Domaine": 18, "Indicateur": 34,
                       "Valeur": 10, "Source": 40, "Organisation": 18, "Commentaire": 60})
    for name, theme, start, end, sex, age, value, org, question, comment in CM_INDICATORS:
        indicators.add({"Pays": "Cameroun", "Début période": start, "Fin période": end, "Domaine": theme,
                        "Indicateur": name, "Sexe": sex, "Âge": age, "Valeur": value,
                        "Source": f"{CM_REPORT}, {question}", "Organisation": org, "Commentaire": comment})
    return wb


def cote_divoire_roadmap_workbook() -> Workbook:
    wb = Workbook()
    _readme(wb, [
        "Côte d'Ivoire - Feuille de route de la Task force Alliance 8.7 (2021), avancement mai - décembre 2023",
        f"Feuille Plan : {CI_ROADMAP_DOC}. Les 4 priorités sont les axes ; les stratégies sont les moyens ; "
        "la durée est l'horizon ; budgets « A définir » (ou « - ») tels qu'imprimés.",
        "La feuille de route n'imprime pas de codes : les codes d'axe (1 à 4) et d'action (1.1, 1.2, ...) "
        "sont donnés par le projet, dans l'ordre du document.",
        f"Feuilles Suivi et Indicateurs : {CI_REPORT}, question citée dans la colonne Source.",
        "Suivi : les cases cochées des questions 5 à 7 ne sont pas lisibles dans la source ; les statuts sont "
        "déduits du texte du rapport et le commentaire le dit.",
    ])
    sheet = SheetWriter(wb, "Plan", PLAN_HEADERS + ["Source"], [
        "FEUILLE DE ROUTE DES ACTIONS PRIORITAIRES DE LA TASK FORCE ALLIANCE 8.7 (Côte d'Ivoire)",
        f"Source : {CI_ROADMAP_DOC}",
    ])
    sheet.widths(PLAN_WIDTHS)
    first = sheet.next_row
    for axis_number, (axis_label, actions) in enumerate(CI_PRIORITIES, start=1):
        start = sheet.next_row
        for action_number, (action, strategies, partners, duration, budget) in enumerate(actions, start=1):
            sheet.add({"Code action": f"{axis_number}.{action_number}", "Action": action,
                       "Partenaires": partners, "Coût estimé": budget, "Moyens": strategies, "Horizon": duration,
                       "Source": f"{CI_ROADMAP_DOC}, priorité {axis_number}, action {action_number} "
                                 "(code donné par le projet)"})
        sheet.ws.cell(start, sheet.col("Code axe"), axis_number)
        sheet.ws.cell(start, sheet.col("Axe"), axis_label).alignment = WRAP
        sheet.merge("Code axe", start, sheet.next_row - 1)
        sheet.merge("Axe", start, sheet.next_row - 1)
    sheet.ws.cell(first, sheet.col("Pays"), "Côte d'Ivoire")
    sheet.ws.cell(first, sheet.col("Plan"), CI_ROADMAP).alignment = WRAP
    sheet.merge("Pays", first, sheet.next_row - 1)
    sheet.merge("Plan", first, sheet.next_row - 1)

    status = SheetWriter(wb, "Suivi", STATUS_HEADERS, [
        "Côte d'Ivoire : état d'avancement au 31 décembre 2023", f"Source : {CI_REPORT}"])
    status.widths({"Pays": 12, "Plan": 30, "Code action": 10, "Date": 12, "Statut": 12, "Commentaire": 90,
                   "Source": 40})
    for code, state, comment, questions in CI_STATUS:
        status.add({"Pays": "CI", "Plan": CI_ROADMAP, "Code action": code, "Date": "31/12/2023",
                    "Statut": state, "Commentaire": comment, "Source": f"{CI_REPORT}, {questions}"})

    indicators = SheetWriter(wb, "Indicateurs", INDICATOR_HEADERS, [
        "Côte d'Ivoire : comptes rapportés pour mai - décembre 2023", f"Source : {CI_REPORT}"])
    indicators.widths({"Pays": 12, "Début période": 14, "Fin période": 14, "Domaine": 18, "Indicateur": 34,
                       "Valeur": 10, "Source": 46, "Organisation": 18, "Commentaire": 60})
    for name, theme, start, end, sex, age, value, org, detail, comment in CI_INDICATORS:
        indicators.add({"Pays": "Côte d'Ivoire", "Début période": start or dt.date(2023, 5, 1),
                        "Fin période": end or dt.date(2023, 12, 31), "Domaine": theme, "Indicateur": name,
                        "Sexe": sex, "Âge": age, "Valeur": value, "Source": f"{CI_REPORT}, {detail}",
                        "Organisation": org, "Commentaire": comment})
        for column in ("Début période", "Fin période"):
            cell = indicators.ws.cell(indicators.next_row - 1, indicators.col(column))
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
    return wb


def cpc_workbook() -> Workbook:
    wb = Workbook()
    _readme(wb, [
        "Côte d'Ivoire - États-Unis : Partenariat relatif au Pacte pour la protection de l'enfance (CPC)",
        f"Source : {CPC_DOC}. Les quatre objectifs (section II) sont les axes ; les activités illustratives de "
        "l'annexe A sont les actions, non chiffrées.",
        "Durée : cinq ans à compter de la signature du 7 décembre 2022 (section XI) : chaque activité est "
        "prévue de 2022-S2 à 2027-S2 (« sur toute la durée de sa validité », annexe A).",
        "Financement : jusqu'à 10 millions de dollars des États-Unis, sous réserve de la disponibilité des fonds "
        "(section VII.A), non rattachés à des activités : fonds non alloués du plan.",
        "Pilotage : la Côte d'Ivoire agit par le biais du CNS, en collaboration avec le CIM et le CNLTP "
        "(sections V.B et VII.B) ; codes donnés par le projet.",
        "Type de plan : Compact. Un pacte bilatéral liste des activités illustratives, pas les actions d'un plan "
        "national : le tableau de bord les compte à part, jamais avec les actions.",
    ])
    sheet = SheetWriter(wb, "Plan", PLAN_HEADERS + ["Type de plan"] + CPC_SEMESTERS + ["Source"], [
        "Partenariat CPC Côte d'Ivoire - États-Unis : cadre d'actions conjoint (annexe A)",
        f"Source : {CPC_DOC}",
    ])
    sheet.widths({**PLAN_WIDTHS, **{s: 5 for s in CPC_SEMESTERS}})
    first = sheet.next_row
    for axis_number, (axis, objective, where, activities) in enumerate(CPC_OBJECTIVES, start=1):
        start = sheet.next_row
        for number, activity in enumerate(activities, start=1):
            sheet.add({"Code action": f"{axis_number}.{number}", "Action": activity,
                       "Responsable principal": "CNS", "Co-responsables": "CIM; CNLTP",
                       "Partenaires": "Bureau TIP (Département d'État des États-Unis); "
                                      "Partenaire(s) d'exécution de la société civile",
                       "Coût estimé": "A définir", "Devise": "USD", **{s: "X" for s in CPC_SEMESTERS},
                       "Source": f"{CPC_DOC}, {where}, activité illustrative {number} (code donné par le projet) ; "
                                 "responsables : sections V.B et VII.B ; calendrier : section XI"})
        for name, value in (("Code axe", axis_number), ("Axe", axis), ("Effet", objective)):
            sheet.ws.cell(start, sheet.col(name), value).alignment = WRAP
            sheet.merge(name, start, sheet.next_row - 1)
    total = sheet.add({"Action": "Total", "Fonds disponibles": "10 000 000 $",
                       "Source des fonds": "Gouvernement des États-Unis (Bureau TIP), jusqu'à 10 millions USD "
                                           "sous réserve de la disponibilité des fonds",
                       "Devise": "USD", "Source": f"{CPC_DOC}, section VII.A"}, fill=TOTAL_FILL)
    sheet.ws.cell(first, sheet.col("Pays"), "Côte d'Ivoire")
    sheet.ws.cell(first, sheet.col("Plan"), CPC_PLAN).alignment = WRAP
    sheet.ws.cell(first, sheet.col("Type de plan"), "Compact").alignment = WRAP
    sheet.merge("Pays", first, total)
    sheet.merge("Plan", first, total)
    sheet.merge("Type de plan", first, total)
    return wb


def save(workbook: Workbook, name: str, directory: Path = DATA) -> Path:
    """Writes the workbook with fixed timestamps, so that unchanged data gives the same
    bytes: the app reloads a workbook of data/ whose bytes changed."""
    workbook.properties.created = FIXED_TIME
    workbook.properties.creator = "tools/build_shipped_workbooks.py"
    buffer = io.BytesIO()
    workbook.save(buffer)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
            target.writestr(zipfile.ZipInfo(item.filename, FIXED_TIME.timetuple()[:6]), data,
                            compress_type=zipfile.ZIP_DEFLATED)
    path = directory / name
    path.write_bytes(out.getvalue())
    return path


WORKBOOKS = {
    "cameroun_plan_alliance87_2021-2025.xlsx": cameroon_workbook,
    "cote_divoire_feuille_de_route_2021.xlsx": cote_divoire_roadmap_workbook,
    "cote_divoire_partenariat_cpc_2022.xlsx": cpc_workbook,
}

if __name__ == "__main__":
    for file_name, build in WORKBOOKS.items():
        print(save(build(), file_name))
