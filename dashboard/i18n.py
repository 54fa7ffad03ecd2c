"""Words and numbers in French (default) and English.

Guarantees: every label a page shows comes from `t(key)` in the active language; money,
numbers, percentages and dates are formatted by Babel with the locale's rules
(`560 000 $US` / `US$560,000`, `4,5 %` / `4.5%`). A missing key shows the key itself
rather than failing, and the test suite checks that both languages define every key.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt

import streamlit as st
from babel.dates import format_date, format_datetime
from babel.numbers import format_compact_currency, format_currency, format_decimal, format_percent

LANGUAGES = {"fr": "Français", "en": "English"}
LOCALES = {"fr": "fr_FR", "en": "en_GB"}  # en_GB writes US$, never a bare $

TEXT: dict[str, dict[str, str]] = {
    # navigation and frame
    "app_title": {"fr": "Cible 8.7 : plans d'action et résultats", "en": "Target 8.7: action plans and results"},
    "page_overview": {"fr": "Vue d'ensemble", "en": "Overview"},
    "page_funding": {"fr": "Financement", "en": "Funding"},
    "page_schedule": {"fr": "Calendrier", "en": "Schedule"},
    "page_enforcement": {"fr": "Répression et assistance", "en": "Enforcement and assistance"},
    "page_progress": {"fr": "Avancement", "en": "Progress"},
    "page_quality": {"fr": "Qualité des données", "en": "Data quality"},
    "page_upload": {"fr": "Charger des données", "en": "Upload data"},
    "section_dashboard": {"fr": "Tableau de bord", "en": "Dashboard"},
    "section_data": {"fr": "Données", "en": "Data"},
    # display
    "display_currency": {"fr": "Devise d'affichage", "en": "Display currency"},
    "rates": {"fr": "Taux de change", "en": "Exchange rates"},
    "rates_note": {"fr": "XOF et XAF : parité fixe de 655,957 pour 1 €. Dollar : taux du {as_of}, modifiable ici "
                         "(ou dans data/reference/exchange_rates.csv).",
                   "en": "XOF and XAF: fixed parity of 655.957 per €1. Dollar: rate of {as_of}, editable here "
                         "(or in data/reference/exchange_rates.csv)."},
    "usd_per_eur": {"fr": "Dollars US pour 1 €", "en": "US dollars per €1"},
    "unexpected": {"fr": "Cette page n'a pas pu s'afficher à cause d'une erreur inattendue. Les données ne sont pas "
                         "touchées ; changez les filtres ou rechargez la page, et signalez-le aux mainteneurs.",
                   "en": "This page could not be shown because of an unexpected error. The data are untouched; "
                         "change the filters or reload the page, and tell the maintainers."},
    # filters
    "filters": {"fr": "Filtres", "en": "Filters"},
    "f_country": {"fr": "Pays", "en": "Country"},
    "f_plan": {"fr": "Plan", "en": "Plan"},
    "f_axis": {"fr": "Axe", "en": "Axis"},
    "f_effect": {"fr": "Effet", "en": "Effect"},
    "f_lead": {"fr": "Responsable principal", "en": "Lead"},
    "f_partner": {"fr": "Partenaire", "en": "Partner"},
    "f_priority": {"fr": "Priorité", "en": "Priority"},
    "f_year": {"fr": "Années", "en": "Years"},
    "f_all": {"fr": "Tous", "en": "All"},
    "reset_filters": {"fr": "Réinitialiser les filtres", "en": "Reset filters"},
    "share_hint": {"fr": "Les filtres sont dans l'adresse : copiez-la pour partager cette vue.",
                   "en": "The filters are in the address: copy it to share this view."},
    "no_match": {"fr": "Aucune donnée ne correspond aux filtres choisis. Élargissez ou réinitialisez les filtres.",
                 "en": "No data matches the chosen filters. Widen or reset the filters."},
    "active_filters": {"fr": "Filtres actifs", "en": "Active filters"},
    "none": {"fr": "aucun", "en": "none"},
    # vocabularies
    "high": {"fr": "élevée", "en": "high"}, "medium": {"fr": "moyenne", "en": "medium"},
    "low": {"fr": "faible", "en": "low"}, "no_priority": {"fr": "non précisée", "en": "not given"},
    "not_started": {"fr": "Non exécutée", "en": "Not started"}, "planned": {"fr": "Planifiée", "en": "Planned"},
    "in_progress": {"fr": "En cours", "en": "In progress"}, "completed": {"fr": "Achevée", "en": "Completed"},
    "no_status": {"fr": "Sans statut", "en": "No status"},
    "costed": {"fr": "chiffrée", "en": "costed"}, "to_be_defined": {"fr": "à chiffrer", "en": "not yet costed"},
    "pooled": {"fr": "cumulée", "en": "pooled"},
    "short": {"fr": "court terme", "en": "short term"}, "medium_term": {"fr": "moyen terme", "en": "medium term"},
    "long": {"fr": "long terme", "en": "long term"},
    "F": {"fr": "Femmes et filles", "en": "Women and girls"}, "M": {"fr": "Hommes et garçons", "en": "Men and boys"},
    "not_disaggregated": {"fr": "Non ventilé par sexe", "en": "Not disaggregated by sex"},
    "children": {"fr": "enfants", "en": "children"}, "adults": {"fr": "adultes", "en": "adults"},
    "all_ages": {"fr": "tous âges", "en": "all ages"},
    "error": {"fr": "erreur", "en": "error"}, "warning": {"fr": "avertissement", "en": "warning"},
    # measures
    "estimated": {"fr": "Coût estimé", "en": "Estimated cost"},
    "available": {"fr": "Fonds disponibles", "en": "Funds available"},
    "gap": {"fr": "Besoin de financement", "en": "Funding gap"},
    "coverage": {"fr": "Couverture", "en": "Coverage"},
    "actions": {"fr": "Actions", "en": "Actions"},
    "not_costed_count": {"fr": "Actions à chiffrer", "en": "Actions not yet costed"},
    "pooled_count": {"fr": "Actions cumulées", "en": "Pooled actions"},
    "unallocated": {"fr": "Fonds non alloués", "en": "Unallocated funds"},
    "currency": {"fr": "Devise", "en": "Currency"},
    "value": {"fr": "Valeur", "en": "Value"},
    "count": {"fr": "Nombre", "en": "Count"},
    "semester": {"fr": "Semestre", "en": "Semester"},
    "period": {"fr": "Période", "en": "Period"},
    "indicator": {"fr": "Indicateur", "en": "Indicator"},
    "source": {"fr": "Source", "en": "Source"},
    "status": {"fr": "Statut", "en": "Status"},
    "as_of": {"fr": "Au", "en": "As of"},
    "comment": {"fr": "Commentaire", "en": "Comment"},
    "axis": {"fr": "Axe", "en": "Axis"}, "effect": {"fr": "Effet", "en": "Effect"},
    "action": {"fr": "Action", "en": "Action"}, "code": {"fr": "Code", "en": "Code"},
    "action_code": {"fr": "Code", "en": "Code"},
    "lead": {"fr": "Responsable", "en": "Lead"}, "partners": {"fr": "Partenaires", "en": "Partners"},
    "priority": {"fr": "Priorité", "en": "Priority"}, "funding_source": {"fr": "Source des fonds", "en": "Funding source"},
    "country": {"fr": "Pays", "en": "Country"}, "plan": {"fr": "Plan", "en": "Plan"},
    "sex": {"fr": "Sexe", "en": "Sex"}, "age_group": {"fr": "Âge", "en": "Age group"},
    "organisation": {"fr": "Organisation", "en": "Organisation"},
    "pooled_with": {"fr": "Cumulée avec", "en": "Pooled with"},
    "horizon": {"fr": "Horizon", "en": "Horizon"},
    "file": {"fr": "Fichier", "en": "File"}, "sheet": {"fr": "Feuille", "en": "Sheet"},
    "cell": {"fr": "Cellule", "en": "Cell"}, "severity": {"fr": "Gravité", "en": "Severity"},
    "message": {"fr": "Message", "en": "Message"},
    # exports
    "download_csv": {"fr": "CSV", "en": "CSV"}, "download_xlsx": {"fr": "Excel", "en": "Excel"},
    "download": {"fr": "Télécharger", "en": "Download"},
    "chart_png_hint": {"fr": "Chaque graphique se télécharge en PNG par l'icône d'appareil photo au survol.",
                       "en": "Each chart downloads as PNG from the camera icon shown on hover."},
}

# Page texts, by page prefix: ov overview, fu funding, sc schedule, en enforcement,
# pr progress, dq data quality, up upload.
TEXT.update({
    "ov_all_data": {"fr": "Toutes les données chargées (aucun filtre).", "en": "All loaded data (no filter)."},
    "ov_estimated_help": {"fr": "Somme des coûts des actions chiffrées ; les actions à chiffrer ou cumulées ne comptent pas pour 0.",
                          "en": "Sum of the costed actions; not-yet-costed and pooled actions do not count as 0."},
    "ov_coverage_help": {"fr": "Fonds disponibles ÷ coût estimé des actions chiffrées, sans plafond à 100 %. Les fonds non alloués n'y entrent pas.",
                         "en": "Funds available ÷ estimated cost of costed actions, not capped at 100%. Unallocated funds are left out."},
    "ov_unallocated_help": {"fr": "Fonds annoncés au niveau du plan mais rattachés à aucune action : montrés à part, jamais répartis ni comptés dans la couverture.",
                            "en": "Funds announced for the plan but tied to no action: shown apart, never spread over actions nor counted in coverage."},
    "ov_unallocated_line": {"fr": "{plan} : {amount} non alloués ({source})", "en": "{plan}: {amount} unallocated ({source})"},
    "ov_short_cases_investigated": {"fr": "Enquêtes", "en": "Cases investigated"},
    "ov_short_persons_arrested": {"fr": "Arrestations", "en": "Persons arrested"},
    "ov_short_persons_prosecuted": {"fr": "Poursuites", "en": "Persons prosecuted"},
    "ov_short_persons_convicted": {"fr": "Condamnations", "en": "Persons convicted"},
    "ov_enforcement": {"fr": "Derniers chiffres de répression", "en": "Latest enforcement figures"},
    "ov_no_enforcement": {"fr": "Aucun chiffre de répression pour ces filtres.", "en": "No enforcement figures for these filters."},
    "ov_summed": {"fr": "Somme de {n} chiffres rapportés séparément pour cette période.", "en": "Sum of {n} figures reported separately for this period."},
    "ov_issues": {"fr": "**{n}** problèmes relevés dans les fichiers chargés.", "en": "**{n}** issues found in the loaded files."},
    "ov_issues_link": {"fr": "Voir la qualité des données", "en": "See data quality"},
    "enf_caveat": {"fr": "Ces étapes sont des comptes distincts, pas un entonnoir : une affaire enquêtée une année peut être jugée une autre, et le nombre de cas détectés dépend de l'effort de répression autant que de l'ampleur du phénomène.",
                   "en": "These stages are separate counts, not a funnel: a case investigated one year may be tried another, and how many cases are detected depends on enforcement effort as much as on how widespread the crime is."},
    "fu_intro": {"fr": "Montants en {currency}. Écart et couverture portent sur les actions chiffrées ; les actions à chiffrer et cumulées sont listées à part.",
                 "en": "Amounts in {currency}. Gap and coverage are over costed actions; not-yet-costed and pooled actions are listed apart."},
    "fu_nothing_costed": {"fr": "Rien n'est encore chiffré dans ce périmètre ({rows}) : rien à comparer, voir la liste ci-dessous.",
                          "en": "Nothing in scope is costed yet ({rows}): nothing to compare, see the list below."},
    "fu_blank_is_not_costed": {"fr": "Montants vides : rien de chiffré dans ce groupe (jamais 0).",
                               "en": "Blank amounts: nothing costed in that group (never 0)."},
    "fu_by_axis": {"fr": "Fonds disponibles et coût estimé par axe", "en": "Funds available and estimated cost by axis"},
    "fu_by_effect": {"fr": "Fonds disponibles et coût estimé par effet", "en": "Funds available and estimated cost by effect"},
    "fu_gap_tree": {"fr": "Besoin de financement : axe → effet → action", "en": "Funding gap: axis → effect → action"},
    "fu_no_effect": {"fr": "(sans effet)", "en": "(no effect)"},
    "fu_breakdown": {"fr": "Financement par responsable, partenaire, priorité ou pays",
                     "en": "Funding by lead, partner, priority or country"},
    "fu_breakdown_by": {"fr": "Ventiler par", "en": "Break down by"},
    "fu_partners_overlap": {"fr": "Une action à plusieurs partenaires compte en entier pour chacun : les lignes se recouvrent et ne s'additionnent pas.",
                            "en": "An action with several partners counts in full for each: the rows overlap and do not add up."},
    "fu_ranked": {"fr": "Actions classées par besoin de financement", "en": "Actions ranked by funding gap"},
    "fu_not_costed": {"fr": "À chiffrer : {rows}", "en": "Not yet costed: {rows}"},
    "fu_not_costed_note": {"fr": "Coût « A définir » ou vide : jamais compté comme 0.", "en": "Cost 'to be defined' or empty: never counted as 0."},
    "fu_pooled": {"fr": "Coût cumulé avec une autre action : {rows}", "en": "Cost pooled with another action: {rows}"},
    "fu_none": {"fr": "Aucune.", "en": "None."},
    "sc_no_semesters": {"fr": "Aucune action de ces plans n'a de semestre prévu (voir les horizons plus bas).",
                        "en": "No action of these plans is scheduled by semester (see the horizons below)."},
    "sc_plan_shown": {"fr": "Plan affiché", "en": "Plan shown"},
    "sc_all_plans": {"fr": "Tous les plans du périmètre", "en": "Every plan in scope"},
    "sc_gantt": {"fr": "Actions par semestre, groupées par axe et effet", "en": "Actions over the semesters, grouped by axis and effect"},
    "sc_heatmap": {"fr": "Couverture actions × semestres", "en": "Coverage: actions × semesters"},
    "sc_running": {"fr": "Actions en cours par semestre", "en": "Actions running per semester"},
    "sc_cost": {"fr": "Coût estimé par semestre", "en": "Estimated cost per semester"},
    "sc_spread_rule": {"fr": "Règle de répartition : le coût estimé d'une action est réparti à parts égales entre les semestres où elle est prévue ; les actions à chiffrer ou cumulées n'y figurent pas.",
                       "en": "Spreading rule: an action's estimated cost is divided equally among the semesters it is scheduled in; not-yet-costed and pooled actions are left out."},
    "sc_late": {"fr": "Actions en retard", "en": "Late actions"},
    "sc_as_of": {"fr": "Date de référence", "en": "As-of date"},
    "sc_none_late": {"fr": "Aucune action prévue pour finir avant le {date} n'est sans achèvement rapporté.",
                     "en": "No action planned to end before {date} lacks a reported completion."},
    "sc_late_count": {"fr": "**{rows}** devaient finir avant le {date} sans être rapportées achevées.",
                      "en": "**{rows}** were planned to end before {date} and are not reported completed."},
    "sc_last_semester": {"fr": "Dernier semestre prévu", "en": "Last planned semester"},
    "sc_planned_end": {"fr": "Fin prévue", "en": "Planned end"},
    "sc_horizons": {"fr": "Plans sans semestres : actions par horizon", "en": "Plans without semesters: actions by horizon"},
    "sc_horizons_note": {"fr": "Ces actions n'ont qu'un horizon (court, moyen ou long terme) ; une action à plusieurs horizons compte pour chacun.",
                         "en": "These actions only have a horizon (short, medium or long term); an action with several horizons counts in each."},
    "sc_by_horizon": {"fr": "Actions par horizon", "en": "Actions by horizon"},
    "en_chain": {"fr": "Répression : enquêtes, arrestations, poursuites, condamnations", "en": "Enforcement: investigations, arrests, prosecutions, convictions"},
    "en_assistance": {"fr": "Assistance aux victimes", "en": "Assistance to victims"},
    "en_none_for": {"fr": "Aucun chiffre pour « {what} » avec ces filtres.", "en": "No figure for '{what}' with these filters."},
    "en_summed_note": {"fr": "Quand un rapport donne plusieurs chiffres pour le même indicateur (sources ou catégories distinctes), ils sont additionnés ici ; le tableau des sources les détaille.",
                       "en": "When a report gives several figures for the same indicator (distinct sources or categories), they are added up here; the sources table lists each."},
    "en_filters_ignored": {"fr": "Sans effet sur cette page : {filters} (les chiffres rapportés ne sont pas rattachés aux actions du plan).",
                           "en": "No effect on this page: {filters} (the reported counts are not tied to the plan's actions)."},
    "en_by_sex": {"fr": "Par sexe", "en": "By sex"},
    "en_sex_note": {"fr": "« Non ventilé » : la part du total que le rapport ne répartit pas entre femmes et hommes.",
                    "en": "'Not disaggregated': the part of the total the report does not split between women and men."},
    "en_trends": {"fr": "Évolution sur plusieurs périodes", "en": "Trends over several periods"},
    "en_sources": {"fr": "Chaque chiffre et sa source", "en": "Every figure and its source"},
    "en_sources_note": {"fr": "Document et question d'où vient chaque chiffre.", "en": "Document and question each figure comes from."},
    "en_start": {"fr": "Début", "en": "Start"}, "en_end": {"fr": "Fin", "en": "End"},
    "en_theme": {"fr": "Domaine", "en": "Theme"},
    "total_sex": {"fr": "Total", "en": "Total"},
    "pr_by_plan": {"fr": "Dernier statut des actions, par plan", "en": "Latest status of actions, by plan"},
    "pr_plans_hidden": {"fr": "{shown} plans dessinés sur {total} ; choisissez des pays pour voir les autres (les tableaux ci-dessous les contiennent tous).",
                        "en": "{shown} of {total} plans drawn; choose countries to see the others (the tables below hold them all)."},
    "pr_plan_title": {"fr": "{plan} · par axe", "en": "{plan} · by axis"},
    "pr_by_axis": {"fr": "Dernier statut des actions, par axe", "en": "Latest status of actions, by axis"},
    "pr_latest": {"fr": "Dernier statut rapporté", "en": "Latest reported status"},
    "pr_history": {"fr": "Historique des statuts", "en": "Status history"},
    "pr_missing": {"fr": "Sans aucun statut : {rows}", "en": "With no status at all: {rows}"},
    "pr_none_reported": {"fr": "Aucun statut rapporté pour ces filtres.", "en": "No status reported for these filters."},
    "dq_intro": {"fr": "Tout ce que les fichiers chargés ont de discutable est montré ici, avec sa cellule : rien n'est corrigé en silence.",
                 "en": "Everything questionable in the loaded files is shown here, with its cell: nothing is silently corrected."},
    "dq_shipped_rejected": {"fr": "Le fichier fourni {file} n'a pas pu être chargé :", "en": "The shipped file {file} could not be loaded:"},
    "dq_warnings": {"fr": "Avertissements", "en": "Warnings"},
    "dq_files": {"fr": "Fichiers concernés", "en": "Files concerned"},
    "dq_errors_loaded": {"fr": "Erreurs chargées", "en": "Errors loaded"},
    "dq_errors_help": {"fr": "Un fichier avec une erreur n'est jamais chargé : ses erreurs sont montrées à l'envoi.",
                       "en": "A file with an error is never loaded: its errors are shown when it is uploaded."},
    "dq_issues": {"fr": "Problèmes relevés au chargement", "en": "Issues found at load"},
    "dq_clean": {"fr": "Aucun problème relevé.", "en": "No issue found."},
    "dq_totals": {"fr": "Totaux indiqués et totaux calculés", "en": "Stated and computed totals"},
    "dq_no_totals": {"fr": "Aucun sous-total indiqué dans ces plans.", "en": "No stated subtotal in these plans."},
    "dq_level": {"fr": "Niveau", "en": "Level"},
    "dq_level_plan": {"fr": "plan", "en": "plan"}, "dq_level_axis": {"fr": "axe", "en": "axis"},
    "dq_level_effect": {"fr": "effet", "en": "effect"},
    "dq_stated": {"fr": "Coût indiqué", "en": "Stated cost"}, "dq_computed": {"fr": "Somme des actions", "en": "Sum of actions"},
    "dq_difference": {"fr": "Écart", "en": "Difference"}, "dq_agrees": {"fr": "Concorde", "en": "Agrees"},
    "dq_stated_funds": {"fr": "Fonds indiqués", "en": "Stated funds"},
    "dq_computed_funds": {"fr": "Fonds des actions", "en": "Funds of actions"},
    "dq_row": {"fr": "Ligne", "en": "Row"},
    "dq_parts": {"fr": "Parties et totaux", "en": "Parts and totals"},
    "dq_parts_ok": {"fr": "Toutes les ventilations par sexe ou âge concordent avec leur total.", "en": "Every sex or age split agrees with its total."},
    "dq_aliases": {"fr": "Noms d'organisations normalisés", "en": "Organisation names normalised"},
    "dq_aliases_note": {"fr": "Variantes d'écriture comptées sous un seul nom, d'après data/reference/organisation_aliases.csv.",
                        "en": "Spelling variants counted under one name, per data/reference/organisation_aliases.csv."},
    "dq_no_aliases": {"fr": "Aucun nom normalisé.", "en": "No name normalised."},
    "dq_written": {"fr": "Écrit", "en": "Written"}, "dq_counted_as": {"fr": "Compté comme", "en": "Counted as"},
    "dq_times": {"fr": "Fois", "en": "Times"}, "dq_cells": {"fr": "Cellules", "en": "Cells"},
    "up_intro": {"fr": "Partez du modèle vierge ou des données actuelles de votre pays, mettez-les à jour, puis vérifiez le fichier : chaque cellule à corriger vous est signalée, et vous voyez ce qu'il va changer avant que rien ne soit écrit. Un fichier avec une erreur n'est pas chargé. Chaque fichier chargé est conservé tel quel et peut être restauré.",
                 "en": "Start from the blank template or your country's current data, update it, then check the file: every cell to fix is pointed out, and you see what it will change before anything is written. A file with an error is not loaded. Every loaded file is kept as it was and can be restored."},
    "up_example": {"fr": "Télécharger un classeur d'exemple", "en": "Download an example workbook"},
    "up_dry_run": {"fr": "Vérifier seulement, sans rien enregistrer", "en": "Check only, write nothing"},
    "up_files": {"fr": "Fichiers", "en": "Files"},
    "up_load": {"fr": "Charger", "en": "Load"}, "up_check": {"fr": "Vérifier", "en": "Check"},
    "up_more_issues": {"fr": "… et {n} autres problèmes ({errors} erreur(s), {warnings} avertissement(s)) : chaque type une fois ci-dessous, tous dans la liste à télécharger.",
                       "en": "… and {n} more issues ({errors} error(s), {warnings} warning(s)): each kind once below, all of them in the list to download."},
    "up_issue_count": {"fr": "Nombre", "en": "Count"}, "up_first_cells": {"fr": "Premières cellules", "en": "First cells"},
    "up_example": {"fr": "Exemple", "en": "Example"},
    "up_all_issues": {"fr": "Télécharger la liste des problèmes (CSV)", "en": "Download the list of issues (CSV)"},
    "up_rejected": {"fr": "{file} : refusé ({n} erreur(s)) ; la base n'a pas changé. Corrigez les cellules ci-dessous et renvoyez-le.",
                    "en": "{file}: rejected ({n} error(s)); the database did not change. Fix the cells below and send it again."},
    "up_unchanged": {"fr": "{file} : déjà chargé (version {version}), rien n'a changé.", "en": "{file}: already loaded (version {version}), nothing changed."},
    "up_checked": {"fr": "{file} : vérifié, aucune erreur ({counts}) ; rien n'est encore écrit : lisez l'aperçu, puis chargez.", "en": "{file}: checked, no error ({counts}); nothing is written yet: read the preview, then load."},
    "up_loaded": {"fr": "{file} : chargé, version {version} ({counts}).", "en": "{file}: loaded as version {version} ({counts})."},
    "up_ignored": {"fr": "Feuilles ignorées (ni Plan, ni Indicateurs, ni Suivi) : {sheets}", "en": "Sheets ignored (not Plan, Indicators or Progress): {sheets}"},
    "up_count_plans": {"fr": "plan(s)", "en": "plan(s)"}, "up_count_actions": {"fr": "actions", "en": "actions"},
    "up_count_stated_totals": {"fr": "sous-totaux", "en": "subtotals"},
    "up_count_indicator_values": {"fr": "chiffres", "en": "figures"},
    "up_count_action_status": {"fr": "statuts", "en": "statuses"},
    "up_versions": {"fr": "Versions chargées", "en": "Loaded versions"},
    "up_versions_note": {"fr": "Restaurer une version la recharge comme nouvelle version : rien n'est jamais perdu.",
                         "en": "Restoring a version loads it again as a new version: nothing is ever lost."},
    "up_no_versions": {"fr": "Aucune version.", "en": "No version."},
    "up_action": {"fr": "Opération", "en": "Action"},
    "up_action_load": {"fr": "chargement", "en": "load"}, "up_action_restore": {"fr": "restauration", "en": "restore"},
    "up_by": {"fr": "Par", "en": "By"}, "up_when": {"fr": "Le", "en": "When"},
    "up_restored_from": {"fr": "Restaure", "en": "Restores"}, "up_contents": {"fr": "Contenu", "en": "Contents"},
    "up_pick_version": {"fr": "Version", "en": "Version"},
    "up_download_original": {"fr": "Télécharger le fichier d'origine", "en": "Download the original file"},
    "up_restore": {"fr": "Restaurer la version {version}", "en": "Restore version {version}"},
    "up_restored": {"fr": "Version {old} restaurée comme version {new}.", "en": "Version {old} restored as version {new}."},
})


# Issue 7: figures a donor can quote.
TEXT.update({
    "to_be_defined_card": {"fr": "À définir", "en": "To be defined"},
    "fu_costed_and_not": {"fr": "Coût estimé des actions chiffrées : **{amount}** ; et {rows} pas encore chiffrées, qui n'y comptent pas.",
                          "en": "Estimated cost of the costed actions: **{amount}**; and {rows} not yet costed, which it leaves out."},
    "fu_all_to_be_defined": {"fr": "Coût **à définir** : {rows} ne sont pas encore chiffrées.",
                             "en": "Cost **to be defined**: {rows} not yet costed."},
    "kind_plan": {"fr": "plan", "en": "plan"}, "kind_compact": {"fr": "pacte (compact)", "en": "compact"},
    "kind_rows_plan": {"fr": "Actions", "en": "Actions"},
    "kind_rows_compact": {"fr": "Activités illustratives", "en": "Illustrative activities"},
    "kind_not_costed_plan": {"fr": "Actions à chiffrer", "en": "Actions not yet costed"},
    "kind_not_costed_compact": {"fr": "Activités à chiffrer", "en": "Activities not yet costed"},
    "kind_pooled_plan": {"fr": "Actions cumulées", "en": "Pooled actions"},
    "kind_pooled_compact": {"fr": "Activités cumulées", "en": "Pooled activities"},
    "kind_phrase_plan": {"fr": "{n} action|{n} actions", "en": "{n} action|{n} actions"},
    "kind_phrase_compact": {"fr": "{n} activité illustrative|{n} activités illustratives",
                            "en": "{n} illustrative activity|{n} illustrative activities"},
    "and": {"fr": "et", "en": "and"},
    "none_f": {"fr": "aucune", "en": "none"},
    "plan_kind": {"fr": "Type de plan", "en": "Plan kind"},
    "not_costed_short": {"fr": "à chiffrer", "en": "not costed"},
    "not_costed_bar": {"fr": "à chiffrer ({rows})", "en": "not costed ({rows})"},
    "partly_costed_bar": {"fr": "+ {rows} à chiffrer", "en": "+ {rows} not costed"},
    "not_costed_col": {"fr": "À chiffrer", "en": "Not costed"},
    "filters_ignored": {"fr": "Sans effet sur cette page : {parts}.", "en": "No effect on this page: {parts}."},
    "why_counts_not_tied": {"fr": "les chiffres rapportés ne sont rattachés ni aux actions ni aux plans",
                            "en": "the reported counts are tied to no action or plan"},
    "why_issues_files": {"fr": "les problèmes concernent des fichiers et des cellules, pas des actions",
                         "en": "issues are about files and cells, not actions"},
    "why_upload": {"fr": "un chargement ne dépend pas des filtres", "en": "loading does not depend on the filters"},
    "years_caption": {"fr": "Années {years} : actions prévues dans au moins un semestre de ces années, comptées avec leur coût entier.",
                      "en": "Years {years}: actions scheduled in at least one semester of those years, counted with their whole cost."},
    "years_unscheduled": {"fr": " {n} action(s) sans calendrier semestriel (horizons seulement) sont laissées de côté.",
                          "en": " {n} action(s) with no semester schedule (horizons only) are left out."},
    "ov_figures_count": {"fr": "{n} chiffres", "en": "{n} figures"},
    "ov_not_added": {"fr": "**{indicator}** ({country}) : {figures}. Chiffres de sources différentes, non additionnés : ils peuvent se recouvrir.",
                     "en": "**{indicator}** ({country}): {figures}. Figures from different sources, not added up: they may overlap."},
    "en_not_added_note": {"fr": "Quand un rapport donne plusieurs chiffres pour le même indicateur et la même période (opérations ou sources distinctes), chacun est montré avec sa source ; ils ne sont pas additionnés, car ils peuvent se recouvrir. Un total n'apparaît que si une source le donne.",
                          "en": "When a report gives several figures for the same indicator and period (distinct operations or sources), each is shown with its source; they are not added up, as they may overlap. A total appears only where a source states it."},
    "en_trend_skipped": {"fr": "Les périodes où un indicateur a plusieurs chiffres de sources différentes ne sont pas tracées (ils ne s'additionnent pas) : voir le tableau des sources.",
                         "en": "Periods in which an indicator has several figures from different sources are not plotted (they do not add up): see the sources table."},
    "up_restore_confirm_title": {"fr": "Restaurer une version", "en": "Restore a version"},
    "up_restore_confirm": {"fr": "Restaurer la version {version} ({file}) ? Elle sera rechargée comme nouvelle version et remplacera :",
                           "en": "Restore version {version} ({file})? It will be loaded again as a new version and replace:"},
    "up_restore_replaces_plan": {"fr": "le plan « {plan} » ({country}), aujourd'hui celui de la version {current} ({file})",
                                 "en": "the plan '{plan}' ({country}), now that of version {current} ({file})"},
    "up_restore_new_plan": {"fr": "le plan « {plan} » ({country}), absent aujourd'hui", "en": "the plan '{plan}' ({country}), absent today"},
    "up_restore_counts": {"fr": "les chiffres de {country} ayant la même période, le même indicateur, sexe, âge et source",
                          "en": "the counts of {country} with the same period, indicator, sex, age group and source"},
    "up_restore_nothing_lost": {"fr": "Rien n'est perdu : la version actuelle reste restaurable.", "en": "Nothing is lost: the current version stays restorable."},
    "up_confirm": {"fr": "Confirmer la restauration", "en": "Confirm the restore"},
    "up_cancel": {"fr": "Annuler", "en": "Cancel"},
})


# Issue 8: the shared server.
TEXT.update({
    "page_audit": {"fr": "Journal d'audit", "en": "Audit trail"},
    "db_busy": {"fr": "La base est occupée par un chargement en ligne de commande depuis plus de deux minutes ; réessayez dans un instant.",
                "en": "The database has been busy with a command-line load for over two minutes; try again in a moment."},
    "acc_local_mode": {"fr": "Mode local (sans connexion).", "en": "Local mode (no sign-in)."},
    "acc_local_can_load": {"fr": "Ce navigateur est sur le serveur : il peut charger et restaurer.",
                           "en": "This browser is on the server: it may load and restore."},
    "acc_local_view": {"fr": "Consultation seulement : le chargement est réservé au navigateur du serveur.",
                       "en": "Viewing only: loading is reserved to the server's own browser."},
    "acc_signed_in": {"fr": "Connecté : {email} ({role})", "en": "Signed in: {email} ({role})"},
    "acc_countries": {"fr": "Vos pays : {countries}", "en": "Your countries: {countries}"},
    "acc_not_signed_in": {"fr": "Non connecté.", "en": "Not signed in."},
    "acc_sign_in": {"fr": "Se connecter", "en": "Sign in"},
    "acc_sign_out": {"fr": "Se déconnecter", "en": "Sign out"},
    "acc_sign_in_needed": {"fr": "Ce tableau de bord est réservé aux personnes connectées. Connectez-vous pour le consulter.",
                           "en": "This dashboard is for signed-in users. Sign in to see it."},
    "role_admin": {"fr": "administrateur", "en": "administrator"},
    "role_focal_point": {"fr": "point focal", "en": "focal point"},
    "role_viewer": {"fr": "lecteur", "en": "viewer"}, "role_local": {"fr": "local", "en": "local"},
    "role_cli": {"fr": "ligne de commande", "en": "command line"}, "role_system": {"fr": "système", "en": "system"},
    "role_anonymous": {"fr": "non connecté", "en": "not signed in"},
    "up_local_only": {"fr": "Le chargement est désactivé pour ce navigateur : en mode local, seul un navigateur ouvert sur le serveur lui-même peut charger des fichiers. Pour charger depuis un autre poste, l'administrateur active la connexion (section [auth] de .streamlit/secrets.toml, voir le README).",
                      "en": "Loading is turned off for this browser: in local mode, only a browser on the server itself may load files. To load from another computer, the administrator turns sign-in on ([auth] section of .streamlit/secrets.toml, see the README)."},
    "up_not_allowed": {"fr": "Votre compte peut consulter le tableau de bord mais pas charger de fichiers ; demandez à un administrateur de vous inscrire comme point focal.",
                       "en": "Your account may view the dashboard but not load files; ask an administrator to register you as a focal point."},
    "up_as": {"fr": "Vous chargez en tant que {who}.", "en": "You load as {who}."},
    "up_your_countries": {"fr": "Vos pays : {countries} ; un fichier contenant d'autres pays est refusé en entier.",
                          "en": "Your countries: {countries}; a file holding other countries is refused whole."},
    "why_audit": {"fr": "le journal porte sur des opérations, pas sur les données", "en": "the trail is about operations, not data"},
    "au_admins_only": {"fr": "Le journal d'audit est réservé aux administrateurs.", "en": "The audit trail is for administrators."},
    "au_intro": {"fr": "Chaque connexion, déconnexion, vérification, chargement, restauration et téléchargement de fichier d'origine, dans l'ordre ; rien n'y est jamais modifié ni effacé. Aussi : python -m loaders audit.",
                 "en": "Every sign-in, sign-out, check, load, restore and download of an original file, in order; nothing in it is ever changed or deleted. Also: python -m loaders audit."},
    "au_who": {"fr": "Qui", "en": "Who"}, "au_role": {"fr": "Rôle", "en": "Role"},
    "au_action": {"fr": "Opération", "en": "Action"}, "au_outcome": {"fr": "Résultat", "en": "Outcome"},
    "au_detail": {"fr": "Détail", "en": "Detail"}, "au_none": {"fr": "Aucune opération.", "en": "No operation."},
    "au_sign_in": {"fr": "connexion", "en": "sign-in"}, "au_sign_out": {"fr": "déconnexion", "en": "sign-out"},
    "au_dry_run": {"fr": "vérification", "en": "check"}, "au_load": {"fr": "chargement", "en": "load"},
    "au_restore": {"fr": "restauration", "en": "restore"},
    "au_download_original": {"fr": "téléchargement du fichier d'origine", "en": "original file download"},
    "au_download_template": {"fr": "téléchargement du modèle", "en": "template download"},
    "au_download_marked": {"fr": "téléchargement du fichier marqué", "en": "marked file download"},
    "au_download_issues": {"fr": "téléchargement de la liste des problèmes", "en": "list of issues download"},
    "au_export": {"fr": "export des données actuelles", "en": "current data export"},
    "au_outcome_loaded": {"fr": "chargé", "en": "loaded"}, "au_outcome_unchanged": {"fr": "inchangé", "en": "unchanged"},
    "au_outcome_rejected": {"fr": "refusé", "en": "rejected"}, "au_outcome_checked": {"fr": "vérifié", "en": "checked"},
    "au_outcome_done": {"fr": "fait", "en": "done"},
})


# Issue 9: pages that stay instant at scale.
TEXT.update({
    "search": {"fr": "Rechercher dans ce tableau", "en": "Search this table"},
    "today": {"fr": "aujourd'hui", "en": "today"},
    "ov_figures_table_note": {"fr": "« n chiffres » : plusieurs sources pour la même étape, non additionnées ; la page Répression et assistance les montre chacune.",
                              "en": "'n figures': several sources for the same stage, not added up; the Enforcement and assistance page shows each."},
    "fu_levels_cut": {"fr": "Les {shown} {level} aux plus grands besoins sur {total} sont dessinés ; choisissez des pays ou des plans pour voir les autres.",
                      "en": "The {shown} {level} with the largest gaps of {total} are drawn; choose countries or plans to see the others."},
    "fu_tree_cut": {"fr": "Les {shown} plus grands besoins sur {total} sont dessinés ; le tableau ci-dessous les classe tous.",
                    "en": "The {shown} largest gaps of {total} are drawn; the table below ranks them all."},
    "en_latest_note": {"fr": "Graphiques : la dernière période rapportée par chaque pays ; le tableau en bas de page contient toutes les périodes.",
                       "en": "Charts: each country's latest reported period; the table at the bottom holds every period."},
    "en_bars_hidden": {"fr": "{shown} chiffres dessinés sur {total} ; tous sont dans le tableau en bas de page.",
                       "en": "{shown} figures drawn of {total}; all are in the table at the bottom."},
    "sc_group_count": {"fr": "{n} actions", "en": "{n} actions"},
    "sc_level_effect": {"fr": "effets", "en": "effects"}, "sc_level_axis": {"fr": "axes", "en": "axes"},
    "sc_level_action": {"fr": "actions", "en": "actions"},
    "sc_grouped": {"fr": "{actions} actions prévues : trop pour une barre chacune ; elles sont regroupées par {level}. Ouvrez-en un ci-dessous, ou filtrez par axe ou effet.",
                   "en": "{actions} scheduled actions: too many for a bar each; they are grouped by {level}. Open one below, or filter by axis or effect."},
    "sc_hidden": {"fr": "{shown} {level} dessinés sur {total} ; les autres ne sont pas montrés ici, filtrez pour les voir.",
                  "en": "{shown} {level} drawn of {total}; the others are not shown here, filter to see them."},
    "sc_open": {"fr": "Ouvrir un niveau plus bas", "en": "Open one level down"},
    "sc_open_none": {"fr": "— choisir —", "en": "— choose —"},
    "search_hint": {"fr": "un mot, un code, un nom…", "en": "a word, a code, a name…"},
    "page_number": {"fr": "Page (sur {pages})", "en": "Page (of {pages})"},
    "rows_shown": {"fr": "Lignes {first} à {last} sur {total}.", "en": "Rows {first} to {last} of {total}."},
    "excel_note": {"fr": "Remarque", "en": "Note"},
    "excel_rows_cut": {"fr": "Limite d'Excel : seules les 1 048 575 premières lignes sur {n} sont ici ; l'export CSV les contient toutes.",
                       "en": "Excel's limit: only the first 1,048,575 rows of {n} are here; the CSV export holds them all."},
    "excel_cells_cut": {"fr": "Limite d'Excel : {n} cellule(s) de plus de 32 767 caractères ont été coupées (…).",
                        "en": "Excel's limit: {n} cell(s) longer than 32,767 characters were cut (…)."},
})


# Issue 10: the focal point's update cycle.
TEXT.update({
    "page_versions": {"fr": "Versions", "en": "Versions"},
    "vs_since": {"fr": "Depuis la dernière réunion", "en": "Since the last meeting"},
    "vs_since_note": {"fr": "Ce qui a changé entre deux versions (ou deux dates) : les actions, les chiffres, les statuts, et le besoin de financement et la couverture par axe à chacune.",
                      "en": "What changed between two versions (or two dates): actions, counts, statuses, and the funding gap and coverage by axis at each."},
    "vs_compare_by": {"fr": "Comparer par", "en": "Compare by"},
    "vs_by_version": {"fr": "version", "en": "version"}, "vs_by_date": {"fr": "date", "en": "date"},
    "vs_from": {"fr": "Depuis", "en": "From"}, "vs_to": {"fr": "Jusqu'à", "en": "To"},
    "vs_dates_are": {"fr": "Soit de la version {a} à la version {b}.", "en": "That is, from version {a} to version {b}."},
    "vs_same": {"fr": "Choisissez deux versions différentes.", "en": "Choose two different versions."},
    "up_start": {"fr": "Pour commencer", "en": "To start"},
    "up_template": {"fr": "Modèle vierge (classeur)", "en": "Blank template (workbook)"},
    "up_current_country": {"fr": "Données actuelles du pays", "en": "Current data of the country"},
    "up_all_plans": {"fr": "tous ses plans", "en": "all its plans"},
    "up_current": {"fr": "Télécharger les données actuelles", "en": "Download the current data"},
    "up_send": {"fr": "Vérifier puis charger un fichier", "en": "Check, then load a file"},
    "up_checking": {"fr": "Vérification de {file}…", "en": "Checking {file}…"},
    "up_stage_read": {"fr": "Lecture du fichier…", "en": "Reading the file…"},
    "up_stage_check": {"fr": "Contrôle de chaque cellule…", "en": "Checking every cell…"},
    "up_stage_compare": {"fr": "Comparaison avec les données actuelles…", "en": "Comparing with the current data…"},
    "up_stage_write": {"fr": "Enregistrement…", "en": "Writing…"},
    "up_checked_short": {"fr": "{file} vérifié", "en": "{file} checked"},
    "up_loading": {"fr": "Chargement de {file}…", "en": "Loading {file}…"},
    "up_loaded_short": {"fr": "{file} chargé", "en": "{file} loaded"},
    "up_stale_short": {"fr": "{file} : aperçu à relire", "en": "{file}: preview to read again"},
    "up_stale": {"fr": "{file} : une autre version a été chargée depuis l'aperçu ; rien n'a été écrit. Voici l'aperçu recalculé : relisez-le, puis chargez.",
                 "en": "{file}: another version was loaded since the preview; nothing was written. Here is the preview again: read it, then load."},
    "up_no_change": {"fr": "{file} : aucun changement par rapport aux données actuelles ; rien ne sera écrit.",
                     "en": "{file}: no change from the current data; nothing will be written."},
    "up_marked": {"fr": "Mon fichier, cellules à corriger marquées", "en": "My file, with the cells to fix marked"},
    "up_preview": {"fr": "Ce que {file} va changer", "en": "What {file} will change"},
    "up_see_versions": {"fr": "Voir les versions chargées", "en": "See the loaded versions"},
    "pv_summary": {"fr": "Lignes de plan (actions ou activités) : {added} ajoutée(s), {removed} retirée(s), {changed} modifiée(s) ; plans : {plans} changement(s) ; chiffres : {indicators_added} ajouté(s), {indicators_replaced} remplacé(s) ; statuts : {statuses} ajouté(s).",
                   "en": "Plan rows (actions or activities): {added} added, {removed} removed, {changed} changed; plans: {plans} change(s); counts: {indicators_added} added, {indicators_replaced} replaced; statuses: {statuses} added."},
    "pv_changed": {"fr": "Actions modifiées", "en": "Actions changed"},
    "pv_added": {"fr": "Actions ajoutées", "en": "Actions added"},
    "pv_removed": {"fr": "Actions retirées", "en": "Actions removed"},
    "pv_plans": {"fr": "Changements au niveau du plan", "en": "Plan-level changes"},
    "pv_replaced": {"fr": "Chiffres remplacés", "en": "Counts replaced"},
    "pv_indicators_added": {"fr": "Chiffres ajoutés", "en": "Counts added"},
    "pv_statuses": {"fr": "Statuts ajoutés", "en": "Statuses added"},
    "pv_totals": {"fr": "Totaux avant → après", "en": "Totals before → after"},
    "pv_whole_plan": {"fr": "(tout le plan)", "en": "(whole plan)"},
    "pv_field": {"fr": "Champ", "en": "Field"}, "pv_old": {"fr": "Avant", "en": "Before"},
    "pv_new": {"fr": "Après", "en": "After"},
    "pv_estimated": {"fr": "Coût estimé", "en": "Estimated"}, "pv_available": {"fr": "Disponible", "en": "Available"},
    "pv_gap": {"fr": "Écart", "en": "Gap"}, "pv_coverage": {"fr": "Couverture", "en": "Coverage"},
    "pv_more": {"fr": "{shown} lignes montrées sur {total}.", "en": "{shown} rows shown of {total}."},
    "field_estimated_cost": {"fr": "coût estimé", "en": "estimated cost"},
    "field_funds_available": {"fr": "fonds disponibles", "en": "funds available"},
    "field_action": {"fr": "intitulé", "en": "title"}, "field_lead": {"fr": "responsable", "en": "lead"},
    "field_partners": {"fr": "partenaires", "en": "partners"}, "field_semesters": {"fr": "semestres", "en": "semesters"},
    "field_priority": {"fr": "priorité", "en": "priority"}, "field_cost_status": {"fr": "chiffrage", "en": "costing"},
    "field_unallocated_funds": {"fr": "fonds non alloués", "en": "unallocated funds"},
    "field_stated_totals": {"fr": "sous-totaux indiqués", "en": "stated subtotals"},
})


# Issue 11 (first part): trends and countries side by side.
TEXT.update({
    "page_trends": {"fr": "Évolutions", "en": "Trends"},
    "page_compare": {"fr": "Pays côte à côte", "en": "Countries side by side"},
    "page_meeting": {"fr": "Mode réunion", "en": "Meeting mode"},
    "mt_previous": {"fr": "Précédent", "en": "Previous"}, "mt_next": {"fr": "Suivant", "en": "Next"},
    "mt_remote": {"fr": "Page précédente / suivante (télécommande)", "en": "Page up / down (presenter's remote)"},
    "mt_where": {"fr": "Écran {n} sur {total} · flèches ← → ou télécommande", "en": "Screen {n} of {total} · arrow keys ← → or remote"},
    "mt_funding": {"fr": "Financement : où en est-on ?", "en": "Funding: where do we stand?"},
    "mt_gap": {"fr": "Où le financement manque, par axe", "en": "Where funding is missing, by axis"},
    "mt_nothing_costed": {"fr": "Rien n'est encore chiffré dans ce périmètre.", "en": "Nothing in scope is costed yet."},
    "mt_semester": {"fr": "Ce semestre ({semester})", "en": "This semester ({semester})"},
    "mt_running": {"fr": "Prévues ce semestre", "en": "Scheduled this semester"},
    "mt_late": {"fr": "En retard aujourd'hui", "en": "Late today"},
    "mt_enforcement": {"fr": "Répression : les derniers chiffres", "en": "Enforcement: the latest figures"},
    "mt_progress": {"fr": "Avancement des actions", "en": "Progress of actions"},
    "mt_more_figures": {"fr": "… et {n} autre(s) chiffre(s), page Répression et assistance.",
                        "en": "… and {n} more figure(s), on the Enforcement and assistance page."},
    "mt_progress_note": {"fr": "Actions des plans nationaux (les activités illustratives d'un pacte sont comptées à part, page Avancement).",
                         "en": "Actions of national plans (a compact's illustrative activities are counted apart, on the Progress page)."},
    "why_trends_years": {"fr": "une évolution montre toutes les périodes", "en": "a trend shows every period"},
    "why_counts_only": {"fr": "sur les chiffres rapportés, qui ne sont rattachés ni aux actions ni aux plans ; ils s'appliquent aux actions et au financement",
                        "en": "on the reported counts, which are tied to no action or plan; they apply to actions and funding"},
    "tr_counts": {"fr": "Chiffres par période rapportée", "en": "Counts per reported period"},
    "tr_counts_note": {"fr": "Chaque période est nommée par ses dates (jamais additionnée en années) ; des chiffres de sources différentes restent des lignes distinctes.",
                       "en": "Each period is named by its dates (never added into years); figures from different sources stay separate lines."},
    "tr_one_period": {"fr": "Aucun indicateur n'est rapporté sur plus d'une période pour ces filtres.",
                      "en": "No indicator is reported for more than one period with these filters."},
    "tr_statuses": {"fr": "Statut des actions à chaque date de rapport", "en": "Status of actions at each reporting date"},
    "tr_one_date": {"fr": "Une seule date de rapport : pas encore d'évolution.", "en": "A single reporting date: no trend yet."},
    "tr_coverage": {"fr": "Couverture du financement à chaque version chargée", "en": "Funding coverage at each loaded version"},
    "tr_one_version": {"fr": "Chaque plan n'a qu'une version chargée : pas encore d'évolution.",
                       "en": "Each plan has a single loaded version: no trend yet."},
    "cp_note": {"fr": "Dernière période rapportée par chaque pays ; « non rapporté » quand un pays ne donne pas ce chiffre (jamais 0) ; « n chiffres » quand plusieurs sources le donnent sans total.",
                "en": "Each country's latest reported period; 'not reported' when a country gives no such figure (never 0); 'n figures' when several sources give it with no total."},
    "cp_not_reported": {"fr": "non rapporté", "en": "not reported"},
    "cp_late_share": {"fr": "Part des actions en retard", "en": "Share of actions late"},
    # country brief (PDF and PowerPoint)
    "br_title": {"fr": "Note pays : plan d'action et résultats", "en": "Country brief: action plan and results"},
    "br_plans": {"fr": "Plan(s) : {plans}", "en": "Plan(s): {plans}"},
    "br_made_on": {"fr": "Établie le {date} · montants en {currency}", "en": "Made on {date} · amounts in {currency}"},
    "br_filters": {"fr": "Filtres : {filters}", "en": "Filters: {filters}"},
    "br_no_filter": {"fr": "Sans autre filtre.", "en": "No other filter."},
    "br_funding": {"fr": "Financement", "en": "Funding"},
    "br_largest_gaps": {"fr": "Les {n} plus grands besoins de financement", "en": "The {n} largest funding gaps"},
    "br_no_gap": {"fr": "Aucune action chiffrée n'a de besoin de financement.", "en": "No costed action has a funding gap."},
    "br_not_costed": {"fr": "Ce qui n'est pas chiffré ou est cumulé", "en": "What is not costed or is pooled"},
    "br_not_costed_count": {"fr": "À chiffrer : {rows}.", "en": "Not yet costed: {rows}."},
    "br_pooled_count": {"fr": "Cumulées avec une autre (leur coût est compté une fois) : {rows}.",
                        "en": "Pooled with another (their cost counted once): {rows}."},
    "br_more_rows": {"fr": "… et {n} de plus, sur le tableau de bord.", "en": "… and {n} more, on the dashboard."},
    "br_more_figures": {"fr": "Le graphique de la répression montre {shown} chiffres sur {total} ; tous sont sur la page « {page} » du tableau de bord.",
                        "en": "The enforcement chart shows {shown} of {total} figures; all are on the dashboard's '{page}' page."},
    "br_more_counts": {"fr": "Le tableau par sexe montre {shown} comptes sur {total} ; tous sont sur la page « {page} » du tableau de bord.",
                       "en": "The table by sex shows {shown} of {total} counts; all are on the dashboard's '{page}' page."},
    "br_schedule": {"fr": "Calendrier {year} et retards", "en": "Schedule {year} and delays"},
    "br_running": {"fr": "{semester} : {rows}.", "en": "{semester}: {rows}."},
    "br_none_running": {"fr": "aucune action prévue", "en": "no action scheduled"},
    "br_late": {"fr": "En retard au {date} : {rows} (fin prévue passée, pas rapportées achevées).",
                "en": "Late on {date}: {rows} (planned end passed, not reported completed)."},
    "br_sources": {"fr": "Sources : {documents}.", "en": "Sources: {documents}."},
    "br_quality_where": {"fr": "Chacun est détaillé (fichier, feuille, cellule) sur la page « Qualité des données » du tableau de bord.",
                         "en": "Each is detailed (file, sheet, cell) on the dashboard's \"Data quality\" page."},
    "br_issues": {"fr": "{n} problème relevé dans les fichiers chargés.|{n} problèmes relevés dans les fichiers chargés.",
                  "en": "{n} issue found in the loaded files.|{n} issues found in the loaded files."},
    "br_button": {"fr": "Note pays", "en": "Country brief"},
    "br_format": {"fr": "Format", "en": "Format"},
    "br_make": {"fr": "Préparer la note", "en": "Make the brief"},
    "br_making": {"fr": "Préparation de la note…", "en": "Making the brief…"},
    "br_step_figures": {"fr": "Chiffres lus", "en": "Figures read"},
    "br_step_charts": {"fr": "Graphiques dessinés ({n})", "en": "Charts drawn ({n})"},
    "br_step_document": {"fr": "Document mis en page", "en": "Document laid out"},
    "br_ready": {"fr": "Note prête", "en": "Brief ready"},
    "br_download": {"fr": "Télécharger la note", "en": "Download the brief"},
    "br_failed": {"fr": "La note n'a pas pu être préparée : {reason}", "en": "The brief could not be made: {reason}"},
    "br_help": {"fr": "Une note de quelques pages (PDF) ou un diaporama (PowerPoint) avec les filtres de cette vue, dans la langue choisie.",
                "en": "A few pages (PDF) or a slide deck (PowerPoint) with this view's filters, in the chosen language."},
    "source_none": {"fr": "Source : aucune donnée dans ce périmètre.", "en": "Source: no data in this scope."},
    "source_more": {"fr": " et {n} autres", "en": " and {n} more"},
    "source_line_plans": {"fr": "Source : {documents} · version chargée le {date}",
                          "en": "Source: {documents} · version loaded on {date}"},
    "source_line_indicators": {"fr": "Source : {documents} · données jusqu'au {date}",
                               "en": "Source: {documents} · data up to {date}"},
    "source_line_status": {"fr": "Source : {documents} · état au {date}", "en": "Source: {documents} · status as of {date}"},
    "tr_lines_hidden": {"fr": "{n} autres courbes ne sont pas dessinées : choisissez des pays dans les filtres.",
                        "en": "{n} more lines are not drawn: choose countries in the filters."},
    "tr_plans_hidden": {"fr": "{n} autres plans ne sont pas dessinés : choisissez un pays ou un plan dans les filtres.",
                        "en": "{n} more plans are not drawn: choose a country or a plan in the filters."},
    "cp_none": {"fr": "Aucun pays ne donne « {what} ».", "en": "No country gives '{what}'."},
    "cp_missing": {"fr": "Non rapporté : {countries}.", "en": "Not reported: {countries}."},
})


def kinds_phrase(counts: dict[str, int], language: str | None = None) -> str:
    """`{"plan": 23, "compact": 54}` -> `23 action(s) et 54 activité(s) illustrative(s)`:
    kinds named apart, never added."""
    language = language or lang()
    ordered = sorted(counts.items(), key=lambda item: ("plan", "compact").index(item[0]) if item[0] in (
        "plan", "compact") else 9)
    parts = [plural(t(f"kind_phrase_{kind}", language), n, language) for kind, n in ordered if n]
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {t('and', language)} {parts[-1]}"


def plural(pattern: str, n: int, language: str | None = None) -> str:
    """`one|many` picked by French (0 and 1 singular) or English rules, `{n}` filled in."""
    one, _, many = pattern.partition("|")
    singular = n in (0, 1) if (language or lang()) == "fr" else n == 1
    return (one if singular or not many else many).format(n=number(n, language))


# The language in force in this thread: set at the top of each script run (`shown`),
# or for a while by `speaking` (a download built later, in a worker thread). A run has a
# thread of its own, whose context starts empty; a rerun on the same thread sets it
# again at its top, before any sentence is said.
_SPOKEN: contextvars.ContextVar[str | None] = contextvars.ContextVar("dashboard_language", default=None)


def shown(language: object) -> None:
    """This run's language, read once at its top (app.py): a page says a hundred
    sentences or more, and reading the session's state for each took 0.8 ms of the
    funding page's run, against 0.04 ms."""
    _SPOKEN.set(language if language in LANGUAGES else "fr")


def lang() -> str:
    forced = _SPOKEN.get()
    if forced:
        return forced
    value = st.session_state.get("lang", "fr")
    return value if value in LANGUAGES else "fr"


@contextlib.contextmanager
def speaking(language: str):
    """The active language for a while: outside a script run (an export built when its
    button is clicked), or a builder's own language within one."""
    token = _SPOKEN.set(language)
    try:
        yield
    finally:
        _SPOKEN.reset(token)


def in_this_language(build):
    """`build`, to be run later outside this script run (a download made when clicked,
    in a worker thread where the session cannot be read), in the language shown now."""
    language = lang()

    def built(*args, **kwargs):
        with speaking(language):
            return build(*args, **kwargs)
    return built


def t(key: str, language: str | None = None) -> str:
    entry = TEXT.get(key)
    if entry is None:
        return key
    return entry.get(language or lang(), entry["fr"])


def locale(language: str | None = None) -> str:
    return LOCALES[language or lang()]


def money(value, currency: str, language: str | None = None) -> str:
    if value is None:
        return "—"
    # English puts a symbol before the figure (US$560,000) but a word after (1,234 FCFA).
    before = (language or lang()) == "en" and currency in ("USD", "EUR")
    pattern = "¤#,##0" if before else "#,##0\u00a0¤"
    return format_currency(round(float(value)), currency, format=pattern, locale=locale(language),
                           currency_digits=False)


def money_card(value, currency: str, language: str | None = None) -> str:
    """Money for a metric card: exact below a million, compact above (10 M $US), so
    that it fits the card on a projector; the exact figure goes in the card's help."""
    if value is None or abs(float(value)) < 1_000_000:
        return money(value, currency, language)
    return format_compact_currency(float(value), currency, locale=locale(language), fraction_digits=1)


def number(value, language: str | None = None) -> str:
    if value is None:
        return "—"
    return format_decimal(value, format="#,##0", locale=locale(language))


def percent(ratio, language: str | None = None) -> str:
    if ratio is None:
        return "—"
    pattern = "#,##0.0 %" if (language or lang()) == "fr" else "#,##0.0%"
    return format_percent(ratio, format=pattern, locale=locale(language))


def date(value: dt.date | None, language: str | None = None) -> str:
    if value is None:
        return "—"
    return format_date(value, format="medium", locale=locale(language))


def moment(value, language: str | None = None) -> str:
    """A date with its time (`27 nov. 2026, 03:20:15`), for the audit trail and versions."""
    if value is None:
        return "—"
    return format_datetime(value, format="medium", locale=locale(language))


def period(start: dt.date, end: dt.date, language: str | None = None) -> str:
    return f"{date(start, language)} – {date(end, language)}"


def indicator(key: str, language: str | None = None) -> str:
    """An indicator's label from the catalogue (data/reference/indicators.csv)."""
    from loaders.reference import reference

    entry = reference().indicators.get(key)
    if entry is None:
        return key
    return entry.label_fr if (language or lang()) == "fr" else entry.label_en
