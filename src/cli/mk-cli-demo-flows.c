/* mk-cli-demo-flows.c: the demo mission's data.
 *
 * Rows only: mk-cli-demo-movements.c reads them. The grants follow the
 * donors' usual cycles (ECHO from March, BHA by calendar year, winter
 * grants from October); the routes are the roads a Tripoli country office
 * uses — the coast road to Misrata and Zawiya, the long road south to
 * Sabha, the eastern corridor from Benghazi to Ajdabiya and Sirt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mk-cli-demo-flows.h"

const MkDemoGrant mk_demo_grants[] = {
  { "BHA-2024-LY-WASH", "BHA", "WASH in collective shelters and informal settlements (2024)",
    "المياه والصرف الصحي والنظافة في المآوي الجماعية والمستوطنات غير الرسمية (2024)",
    "2024-01-01", "2024-12-31", "WSH" },
  { "ECHO-2024-LY-01", "ECHO", "Assistance to migrants at disembarkation and in detention (2024)",
    "مساعدة المهاجرين في نقاط الإنزال ومراكز الاحتجاز (2024)", "2024-03-01", "2025-02-28",
    "SHL" },
  { "LHF-2024-LY-HEA", "LHF", "Hygiene and dignity kits for health facilities (2024)",
    "حقائب النظافة والكرامة للمرافق الصحية (2024)", "2024-04-01", "2025-04-30", "HEA" },
  { "GFFO-2024-LY-WIN", "GFFO", "Winterisation for displaced families (2024)",
    "الاستجابة الشتوية للأسر النازحة (2024)", "2024-10-01", "2025-03-31", "SHL" },
  { "BHA-2026-LY-WASH", "BHA", "WASH in collective shelters and informal settlements (2026)",
    "المياه والصرف الصحي والنظافة في المآوي الجماعية والمستوطنات غير الرسمية (2026)",
    "2026-01-01", "2026-12-31", "WSH" },
  { "ECHO-2026-LY-01", "ECHO", "Assistance to migrants at disembarkation and in detention (2026)",
    "مساعدة المهاجرين في نقاط الإنزال ومراكز الاحتجاز (2026)", "2026-03-01", "2027-02-28",
    "SHL" },
  { "LHF-2026-LY-HEA", "LHF", "Hygiene and dignity kits for health facilities (2026)",
    "حقائب النظافة والكرامة للمرافق الصحية (2026)", "2026-05-01", "2027-04-30", "HEA" },
  { "EUTF-2026-LY-MRRM", "EUTF", "Migrant Resource and Response Mechanism, phase II",
    "آلية موارد المهاجرين والاستجابة، المرحلة الثانية", "2026-07-01", "2027-06-30", "PRO" },
  { "GFFO-2026-LY-WIN", "GFFO", "Winterisation for displaced families (2026)",
    "الاستجابة الشتوية للأسر النازحة (2026)", "2026-10-01", "2027-03-31", "SHL" },
};
const guint mk_demo_n_grants = G_N_ELEMENTS (mk_demo_grants);

#define ECHO_KITS "HK-PERS DIGNITY-KIT CLEANING-KIT"
#define ECHO_LOOSE "BLANKET-150 SLEEPING-MAT MATTRESS SLIPPERS WATER-TABS"
#define ECHO_SUPPLIER "Al-Naseem General Trading, Misrata"
#define BHA_KITS "HK-FAM CLEANING-KIT"
#define BHA_LOOSE "JERRYCAN-20F BUCKET-14 WATER-TABS BLEACH"
#define BHA_SUPPLIER "Sahara Supplies, Benghazi"
#define EUTF_KITS "HK-PERS DIGNITY-KIT KITCHEN-B"
#define EUTF_LOOSE "BLANKET-150 SLIPPERS DIAPERS SOLAR-LAMP CLOTHES-WINTER"
#define EUTF_SUPPLIER "Tripoli Relief Goods Company"
#define LHF_KITS "DIGNITY-KIT HK-PERS"
#define LHF_LOOSE "DIAPERS PADS"
#define LHF_SUPPLIER "UNFPA, in kind"
#define GFFO_KITS "WINTER-KIT BEDDING-SET"
#define GFFO_LOOSE "BLANKET-HT"
#define GFFO_SUPPLIER "German Federal Foreign Office, in kind"

const MkDemoProgramme mk_demo_programmes[] = {
  /* Unearmarked stock: the office's own funds, for whatever comes. */
  { "", "TRP-MAIN", "KITCHEN-B SHELTER-KIT", "TARPAULIN ROPE-6MM CARTON", "purchase",
    "Al-Madina Wholesale, Tripoli", NULL },
  { "CERF-2023-LY-DERNA", "BEN-MAIN", "SHELTER-KIT KITCHEN-B HK-FAM", "BLANKET-HT TARPAULIN",
    "purchase", "Cyrenaica Trading, Benghazi", NULL },
  { "EUTF-2023-LY-MRRM", "TRP-MAIN BEN-MAIN", EUTF_KITS, EUTF_LOOSE, "purchase", EUTF_SUPPLIER,
    "EUTF-2026-LY-MRRM" },
  { "EUTF-2026-LY-MRRM", "TRP-MAIN BEN-MAIN", EUTF_KITS, EUTF_LOOSE, "purchase", EUTF_SUPPLIER,
    NULL },
  { "BHA-2024-LY-WASH", "TRP-MAIN BEN-MAIN", BHA_KITS, BHA_LOOSE, "purchase", BHA_SUPPLIER,
    "BHA-2025-LY-WASH" },
  { "BHA-2025-LY-WASH", "TRP-MAIN BEN-MAIN", BHA_KITS, BHA_LOOSE, "purchase", BHA_SUPPLIER,
    "BHA-2026-LY-WASH" },
  { "BHA-2026-LY-WASH", "TRP-MAIN BEN-MAIN", BHA_KITS, BHA_LOOSE, "purchase", BHA_SUPPLIER,
    NULL },
  { "ECHO-2024-LY-01", "TRP-MAIN", ECHO_KITS, ECHO_LOOSE, "purchase", ECHO_SUPPLIER,
    "ECHO-2025-LY-01" },
  { "ECHO-2025-LY-01", "TRP-MAIN", ECHO_KITS, ECHO_LOOSE, "purchase", ECHO_SUPPLIER,
    "ECHO-2026-LY-01" },
  { "ECHO-2026-LY-01", "TRP-MAIN", ECHO_KITS, ECHO_LOOSE, "purchase", ECHO_SUPPLIER, NULL },
  { "LHF-2024-LY-HEA", "TRP-MAIN BEN-MAIN", LHF_KITS, LHF_LOOSE, "donation", LHF_SUPPLIER,
    "LHF-2025-LY-HEA" },
  { "LHF-2025-LY-HEA", "TRP-MAIN BEN-MAIN", LHF_KITS, LHF_LOOSE, "donation", LHF_SUPPLIER,
    "LHF-2026-LY-HEA" },
  { "LHF-2026-LY-HEA", "TRP-MAIN BEN-MAIN", LHF_KITS, LHF_LOOSE, "donation", LHF_SUPPLIER,
    NULL },
  { "GFFO-2024-LY-WIN", "TRP-MAIN BEN-MAIN", GFFO_KITS, GFFO_LOOSE, "donation", GFFO_SUPPLIER,
    "GFFO-2025-LY-WIN" },
  { "GFFO-2025-LY-WIN", "TRP-MAIN BEN-MAIN", GFFO_KITS, GFFO_LOOSE, "donation", GFFO_SUPPLIER,
    "GFFO-2026-LY-WIN" },
  { "GFFO-2026-LY-WIN", "TRP-MAIN BEN-MAIN", GFFO_KITS, GFFO_LOOSE, "donation", GFFO_SUPPLIER,
    NULL },
};
const guint mk_demo_n_programmes = G_N_ELEMENTS (mk_demo_programmes);

const MkDemoItemFlow mk_demo_item_flows[] = {
  { "HK-PERS", 200, 0 },
  { "HK-FAM", 60, 0 },
  { "DIGNITY-KIT", 100, 0 },
  { "CLEANING-KIT", 2, 0 },
  { "KITCHEN-B", 40, 0 },
  { "BEDDING-SET", 60, 0 },
  { "SHELTER-KIT", 30, 0 },
  { "WINTER-KIT", 50, 0 },
  { "BLANKET-150", 200, 0 },
  { "BLANKET-HT", 100, 0 },
  { "SLEEPING-MAT", 100, 0 },
  { "MATTRESS", 50, 0 },
  { "SLIPPERS", 150, 0 },
  { "WATER-TABS", 500, 48 },
  { "JERRYCAN-20F", 150, 0 },
  { "BUCKET-14", 100, 0 },
  { "BLEACH", 60, 12 },
  { "DIAPERS", 80, 0 },
  { "SOLAR-LAMP", 60, 0 },
  { "CLOTHES-WINTER", 80, 0 },
  { "PADS", 200, 0 },
  { "TARPAULIN", 40, 0 },
  { "ROPE-6MM", 40, 0 },
  { "CARTON", 50, 0 },
  { "SOAP-BATH", 500, 36 },
  { "SOAP-LNDR", 500, 36 },
  { "TOOTHPASTE", 300, 24 },
};
const guint mk_demo_n_item_flows = G_N_ELEMENTS (mk_demo_item_flows);

const MkDemoRoute mk_demo_routes[] = {
  /* Tripoli main warehouse: the field stores, the capital's detention
   * centres and disembarkation points, partners. */
  { "TRP-MAIN", MK_DEMO_TO_WAREHOUSE, "MIS-FIELD", 8, 1, 2, 8, 20 },
  { "TRP-MAIN", MK_DEMO_TO_WAREHOUSE, "SEB-FIELD", 6, 3, 6, 8, 20 },
  { "TRP-MAIN", MK_DEMO_TO_SITE, "DC-AINZARA", 5, 0, 1, 3, 10 },
  { "TRP-MAIN", MK_DEMO_TO_SITE, "DC-ABUSLIEM", 4, 0, 1, 3, 10 },
  { "TRP-MAIN", MK_DEMO_TO_SITE, "DC-ZAWIYA", 4, 1, 2, 3, 10 },
  { "TRP-MAIN", MK_DEMO_TO_SITE, "DP-TRIPOLI", 5, 0, 1, 2, 8 },
  { "TRP-MAIN", MK_DEMO_TO_SITE, "DP-ZWARA", 3, 1, 2, 2, 8 },
  { "TRP-MAIN", MK_DEMO_TO_SITE, "UC-JANZOUR", 4, 0, 1, 3, 10 },
  { "TRP-MAIN", MK_DEMO_TO_PARTNER, "LRC", 3, 0, 2, 4, 12 },
  { "TRP-MAIN", MK_DEMO_TO_PARTNER, "IMC", 2, 0, 2, 4, 12 },
  { "TRP-MAIN", MK_DEMO_TO_PARTNER, "DRC", 2, 0, 2, 4, 12 },
  /* Benghazi main warehouse: the east, and Sabha from the north-east. */
  { "BEN-MAIN", MK_DEMO_TO_WAREHOUSE, "SEB-FIELD", 4, 4, 7, 8, 20 },
  { "BEN-MAIN", MK_DEMO_TO_SITE, "UC-BENGHAZI", 6, 0, 1, 3, 10 },
  { "BEN-MAIN", MK_DEMO_TO_SITE, "CS-EJDABIA", 4, 1, 2, 3, 10 },
  { "BEN-MAIN", MK_DEMO_TO_SITE, "CS-SIRT", 3, 2, 4, 3, 10 },
  { "BEN-MAIN", MK_DEMO_TO_PARTNER, "LRC", 2, 0, 2, 4, 12 },
  { "BEN-MAIN", MK_DEMO_TO_PARTNER, "DRC", 2, 0, 2, 4, 12 },
  /* Field stores: the last mile. */
  { "MIS-FIELD", MK_DEMO_TO_SITE, "UC-MISRATA", 6, 0, 1, 2, 8 },
  { "MIS-FIELD", MK_DEMO_TO_SITE, "CS-SIRT", 3, 2, 3, 2, 8 },
  { "MIS-FIELD", MK_DEMO_TO_SITE, "DP-KHUMS", 2, 1, 2, 2, 8 },
  { "SEB-FIELD", MK_DEMO_TO_SITE, "DC-SEBHA", 6, 0, 1, 2, 8 },
  { "SEB-FIELD", MK_DEMO_TO_PARTNER, "ACTED", 3, 0, 1, 2, 8 },
};
const guint mk_demo_n_routes = G_N_ELEMENTS (mk_demo_routes);

const MkDemoTransporter mk_demo_transporters[] = {
  { "Al-Wafa Transport", "Truck 10 t, Mercedes Actros", "5-482913", "Abdelhakim Ezzedine",
    "+218 91 555 0301" },
  { "Sahara Road Logistics", "Truck 20 t, Iveco Stralis", "8-106244", "Mohamed Al-Tabbal",
    "+218 92 555 0302" },
  { "Libya Express Cargo", "Van 3.5 t, Toyota Hiace", "5-739025", "Osama Bin Hamida",
    "+218 94 555 0303" },
  { "Fezzan Haulage", "Truck 20 t, MAN TGS", "23-55187", "Ahmed Al-Tuwati",
    "+218 91 555 0304" },
  { "Office fleet", "Pick-up, Toyota Hilux", "5-900117", "Nouri Gheriani", "+218 92 555 0305" },
};
const guint mk_demo_n_transporters = G_N_ELEMENTS (mk_demo_transporters);

const char *const mk_demo_cancel_reasons[] = {
  "The truck did not leave: the coast road was closed.",
  "The convoy was postponed by the authorities; the goods are back on the shelves.",
  "Entered twice by mistake.",
};
const guint mk_demo_n_cancel_reasons = G_N_ELEMENTS (mk_demo_cancel_reasons);
