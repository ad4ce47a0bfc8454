/* mk-cli-demo.c: "demo", a new database of a country office in Tripoli.
 *
 * The demo is data: one table per kind below, added in order through the
 * core's API, so that every rule a person meets applies to it too. It is
 * deterministic: the same build writes the same records with the same ids
 * every time (only audit times differ). Add a row to a table, or a table to
 * demo_tables[], to grow it; stock movements will follow the master data in
 * the same way.
 *
 * Sources: reference/nfi-kits.md (compositions, weights, volumes),
 * reference/glossary-ar.csv (Arabic names), reference/libya-baladiyas.csv
 * (P-codes). Weights and volumes not given there are estimates, as a
 * supplier's packing list would correct them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mk-cli-demo.h"
#include "mk-cli.h"

#ifdef MK_DEMO_DATA

#define DEMO_OFFICE_CODE "TRP"
#define DEMO_OFFICE_NUMBER 1
#define DEMO_OFFICE_NAME_EN "Tripoli country office"
#define DEMO_OFFICE_NAME_AR "المكتب القطري في طرابلس"

/* A table of records of one kind: the field names, then one row of values
 * per record; a NULL value leaves the field to its default. */
typedef struct
{
  const char        *kind;
  const char *const *columns;
  guint              n_columns;
  const char *const *cells; /* n_rows × n_columns */
  guint              n_rows;
} DemoTable;

#define DEMO_TABLE(kind, columns, rows)                                     \
  {                                                                         \
    kind, columns, G_N_ELEMENTS (columns), &rows[0][0], G_N_ELEMENTS (rows) \
  }

/* Warehouses ----------------------------------------------------------------- */

static const char *const warehouse_columns[] = {
  "code", "name_en", "name_ar", "type", "baladiya", "manager", "phone"
};

static const char *const warehouse_rows[][G_N_ELEMENTS (warehouse_columns)] = {
  { "TRP-MAIN", "Tripoli main warehouse", "مستودع طرابلس الرئيسي", "main", "LY021104",
    "Khaled Ben Omran", "+218 91 555 0101" },
  { "BEN-MAIN", "Benghazi main warehouse", "مستودع بنغازي الرئيسي", "main", "LY010304",
    "Salma Al-Obeidi", "+218 92 555 0102" },
  { "SEB-FIELD", "Sabha field store", "مخزن سبها الميداني", "field", "LY031901",
    "Ibrahim Al-Hasnawi", "+218 91 555 0103" },
  { "MIS-FIELD", "Misrata field store", "مخزن مصراتة الميداني", "field", "LY021401",
    "Mariam Shaglouf", "+218 94 555 0104" },
};

/* Sites: detention centres and disembarkation points are sensitive. ------------- */

static const char *const site_columns[] = {
  "code", "name_en", "name_ar", "type", "baladiya", "sensitive", "capacity"
};

static const char *const site_rows[][G_N_ELEMENTS (site_columns)] = {
  { "DC-AINZARA", "Ain Zara detention centre", "مركز احتجاز عين زارة", "detention_centre",
    "LY021103", "yes", "600" },
  { "DC-ABUSLIEM", "Abu Salim detention centre", "مركز احتجاز أبو سليم", "detention_centre",
    "LY021105", "yes", "400" },
  { "DC-ZAWIYA", "Zawiya detention centre", "مركز احتجاز الزاوية", "detention_centre",
    "LY021301", "yes", "500" },
  { "DC-SEBHA", "Sabha detention centre", "مركز احتجاز سبها", "detention_centre", "LY031901",
    "yes", "300" },
  { "DP-TRIPOLI", "Tripoli port disembarkation point", "نقطة إنزال ميناء طرابلس",
    "disembarkation_point", "LY021104", "yes", "250" },
  { "DP-ZWARA", "Zwara disembarkation point", "نقطة إنزال زوارة", "disembarkation_point",
    "LY021503", "yes", "150" },
  { "DP-KHUMS", "Alkhums disembarkation point", "نقطة إنزال الخمس", "disembarkation_point",
    "LY021001", "yes", "150" },
  { "UC-JANZOUR", "Janzour urban community", "المجتمع الحضري في جنزور", "urban_community",
    "LY021206", "no", "5000" },
  { "UC-MISRATA", "Misrata urban community", "المجتمع الحضري في مصراتة", "urban_community",
    "LY021401", "no", "8000" },
  { "UC-BENGHAZI", "Benghazi urban community", "المجتمع الحضري في بنغازي", "urban_community",
    "LY010304", "no", "10000" },
  { "CS-SIRT", "Sirt collective shelter", "مأوى جماعي في سرت", "collective_shelter",
    "LY020803", "no", "350" },
  { "CS-EJDABIA", "Ejdabia informal settlement", "مستوطنة غير رسمية في اجدابيا",
    "collective_shelter", "LY010504", "no", "450" },
};

/* Items: components first, then kits, whose weight and volume (NULL here)
 * are the sums of their components'. ------------------------------------------- */

static const char *const item_columns[] = {
  "code", "name_en", "name_ar", "category", "unit", "weight_kg", "volume_m3", "pack_size",
  "tracks_lots", "is_kit", "reorder_level"
};

enum
{
  ITEM_CODE,
  ITEM_NAME_EN,
  ITEM_NAME_AR,
  ITEM_CATEGORY,
  ITEM_UNIT,
  ITEM_WEIGHT,
  ITEM_VOLUME,
};

static const char *const item_rows[][G_N_ELEMENTS (item_columns)] = {
  /* Hygiene */
  { "SOAP-BATH", "Bathing soap, 250 g", "صابون استحمام، 250 غ", "wash", "bar", "0.25", "0.0003",
    "72", "yes", "no", "3000" },
  { "SOAP-LNDR", "Laundry soap, 200 g", "صابون غسيل، 200 غ", "wash", "bar", "0.2", "0.00025",
    "72", "yes", "no", "3000" },
  { "TOOTHBRUSH", "Toothbrush, adult", "فرشاة أسنان للبالغين", "wash", "piece", "0.02",
    "0.00006", "144", "no", "no", "3000" },
  { "TOOTHPASTE", "Toothpaste, 75 ml", "معجون أسنان، 75 مل", "wash", "tube", "0.1", "0.00015",
    "72", "yes", "no", "2000" },
  { "SHAMPOO", "Shampoo, 250 ml", "شامبو، 250 مل", "wash", "bottle", "0.28", "0.0003", "24",
    "no", "no", "1000" },
  { "COMB-LICE", "Anti-lice comb", "مشط القمل", "wash", "piece", "0.015", "0.00003", "200", "no",
    "no", "500" },
  { "COMB", "Comb", "مشط", "wash", "piece", "0.01", "0.00002", "200", "no", "no", "500" },
  { "BAG-HYG", "Hygiene kit bag", "حقيبة مستلزمات النظافة (فارغة)", "wash", "piece", "0.05",
    "0.0002", "200", "no", "no", "1000" },
  { "BUCKET-14", "Bucket, 14 L, with lid", "دلو 14 لتر بغطاء", "wash", "piece", "0.78", "0.02",
    "10", "no", "no", "500" },
  { "JERRYCAN-20F", "Jerrycan, 20 L, foldable", "جركن مياه قابل للطي، 20 لتر", "wash", "piece",
    "0.27", "0.002", "50", "no", "no", "500" },
  { "PADS", "Sanitary pads, pack of 10", "فوط صحية، عبوة من 10", "wash", "pack", "0.15",
    "0.0008", "48", "no", "no", "2000" },
  { "TOWEL", "Towel, 50×100 cm", "منشفة، 50×100 سم", "wash", "piece", "0.25", "0.001", "50",
    "no", "no", "500" },
  { "TOILET-PAPER", "Toilet paper", "ورق تواليت", "wash", "roll", "0.1", "0.0012", "48", "no",
    "no", "2000" },
  { "NAIL-CLIPPER", "Nail clipper", "قلامة أظافر", "wash", "piece", "0.02", "0.00002", "200",
    "no", "no", "200" },
  { "DIAPERS", "Baby diapers, pack of 30", "حفاضات أطفال، عبوة من 30", "wash", "pack", "1",
    "0.008", "6", "no", "no", "300" },
  { "WATER-TABS", "Water purification tablets, strip of 10", "أقراص تنقية المياه، شريط من 10",
    "wash", "pack", "0.01", "0.00002", "100", "yes", "no", "1000" },
  /* Dignity */
  { "UNDERWEAR", "Underwear, women’s", "ملابس داخلية نسائية", "nfi", "piece", "0.05", "0.0002",
    "100", "no", "no", "1000" },
  { "WHISTLE", "Whistle", "صفارة", "nfi", "piece", "0.01", "0.00001", "500", "no", "no", "200" },
  { "HEADSCARF", "Headscarf", "غطاء رأس", "nfi", "piece", "0.1", "0.0004", "100", "no", "no",
    "200" },
  { "SLIPPERS", "Slippers, adult", "شبشب للبالغين", "nfi", "pair", "0.3", "0.001", "50", "no",
    "no", "500" },
  /* Institutional cleaning */
  { "BROOM", "Broom with handle", "مكنسة بمقبض", "wash", "piece", "0.6", "0.006", "12", "no",
    "no", "60" },
  { "DUSTPAN", "Dustpan", "جاروف", "wash", "piece", "0.2", "0.002", "24", "no", "no", "60" },
  { "BLEACH", "Bleach, 5 % chlorine", "مبيض، كلور 5٪", "wash", "litre", "1.1", "0.0011", "12",
    "yes", "no", "150" },
  { "DETERGENT-FLOOR", "Floor detergent", "منظف أرضيات", "wash", "litre", "1.05", "0.0011", "12",
    "no", "no", "100" },
  { "CLEANER-TOILET", "Toilet cleaner", "منظف مراحيض", "wash", "litre", "1.1", "0.0011", "12",
    "no", "no", "100" },
  { "BRUSH-TOILET", "Toilet brush", "فرشاة مرحاض", "wash", "piece", "0.15", "0.002", "24", "no",
    "no", "60" },
  { "GLOVES", "Rubber gloves", "قفازات مطاطية", "wash", "pair", "0.06", "0.0002", "100", "no",
    "no", "200" },
  /* Kitchen set B */
  { "POT-5L", "Cooking pot, 5 L, with lid", "قدر طبخ 5 لتر بغطاء", "nfi", "piece", "1.1", "0.012",
    "6", "no", "no", "200" },
  { "POT-7L", "Cooking pot, 7 L, with lid", "قدر طبخ 7 لتر بغطاء", "nfi", "piece", "1.4",
    "0.016", "6", "no", "no", "200" },
  { "PAN-2.5L", "Frying pan, 2.5 L", "مقلاة 2.5 لتر", "nfi", "piece", "0.7", "0.006", "10", "no",
    "no", "200" },
  { "KNIFE-KITCHEN", "Kitchen knife", "سكين مطبخ", "nfi", "piece", "0.1", "0.0003", "50", "no",
    "no", "200" },
  { "SPOON-WOOD", "Wooden stirring spoon", "ملعقة تحريك خشبية", "nfi", "piece", "0.05", "0.0002",
    "100", "no", "no", "200" },
  { "BOWL-1L", "Bowl, 1 L", "سلطانية 1 لتر", "nfi", "piece", "0.15", "0.001", "50", "no", "no",
    "1000" },
  { "PLATE-DEEP", "Deep plate", "صحن عميق", "nfi", "piece", "0.15", "0.0008", "50", "no", "no",
    "1000" },
  { "CUP-300", "Cup, 300 ml", "كوب 300 مل", "nfi", "piece", "0.08", "0.0004", "100", "no", "no",
    "1000" },
  { "SPOON-SOUP", "Soup spoon", "ملعقة شوربة", "nfi", "piece", "0.03", "0.00003", "200", "no",
    "no", "1000" },
  { "FORK", "Table fork", "شوكة طعام", "nfi", "piece", "0.03", "0.00003", "200", "no", "no",
    "1000" },
  { "KNIFE-TABLE", "Table knife", "سكين مائدة", "nfi", "piece", "0.03", "0.00003", "200", "no",
    "no", "1000" },
  { "SCOURER", "Scouring pad", "ليفة جلي", "nfi", "piece", "0.01", "0.0001", "200", "no", "no",
    "200" },
  /* Bedding, shelter, winter */
  { "BLANKET-HT", "Blanket, high thermal, 80 % wool, 1.5×2 m",
    "بطانية حرارية عالية، 80٪ صوف، 1.5×2 م", "nfi", "piece", "2", "0.008", "10", "no", "no",
    "1000" },
  { "BLANKET-MT", "Blanket, medium thermal, 50 % wool, 1.5×2 m",
    "بطانية حرارية متوسطة، 50٪ صوف، 1.5×2 م", "nfi", "piece", "1.75", "0.01125", "10", "no",
    "no", "1000" },
  { "BLANKET-150", "Blanket, 150×200 cm", "بطانية 150×200 سم", "nfi", "piece", "1.5", "0.01",
    "30", "no", "no", "1000" },
  { "MATTRESS", "Mattress, foam, 190×90×10 cm", "مرتبة إسفنجية 190×90×10 سم", "nfi", "piece",
    "3.5", "0.171", "1", "no", "no", "300" },
  { "PILLOW", "Pillow", "وسادة", "nfi", "piece", "0.6", "0.02", "20", "no", "no", "300" },
  { "SLEEPING-MAT", "Sleeping mat", "حصيرة نوم", "nfi", "piece", "1.2", "0.01", "20", "no", "no",
    "300" },
  { "SOLAR-LAMP", "Solar lamp", "مصباح يعمل بالطاقة الشمسية", "nfi", "piece", "0.3", "0.0015",
    "40", "no", "no", "300" },
  { "TARPAULIN", "Tarpaulin, 4×6 m", "مشمع 4×6 م", "shelter", "sheet", "4.3", "0.009", "5",
    "no", "no", "300" },
  { "ROPE-6MM", "Rope, polypropylene, 6 mm, 30 m", "حبل بولي بروبيلين 6 مم، 30 م", "shelter",
    "piece", "0.6", "0.002", "20", "no", "no", "150" },
  { "HAMMER", "Claw hammer", "مطرقة", "shelter", "piece", "0.6", "0.0008", "20", "no", "no",
    "100" },
  { "NAILS", "Nails, assorted, 1 kg", "مسامير متنوعة، 1 كغ", "shelter", "pack", "1", "0.0006",
    "20", "no", "no", "100" },
  { "CLOTHES-WINTER", "Winter clothing set, adult", "طقم ملابس شتوية للبالغين", "nfi", "set",
    "1.5", "0.01", "10", "no", "no", "500" },
  { "HEATER", "Heater, electric, 2 kW", "دفّاية كهربائية، 2 كيلوواط", "nfi", "piece", "3", "0.03",
    "1", "no", "no", "100" },
  { "CARTON", "Cardboard carton, 490×340×290 mm", "كرتونة 490×340×290 مم", "other", "piece",
    "0.98", "0.048", "25", "no", "no", "200" },
  /* Kits */
  { "HK-PERS", "Personal hygiene kit", "حقيبة مستلزمات النظافة الشخصية", "wash", "kit", NULL,
    NULL, "10", "yes", "yes", "1000" },
  { "HK-FAM", "Family hygiene kit", "حقيبة النظافة العائلية", "wash", "kit", NULL, NULL, "1",
    "yes", "yes", "500" },
  { "DIGNITY-KIT", "Dignity kit", "حقيبة الكرامة", "wash", "kit", NULL, NULL, "10", "yes",
    "yes", "300" },
  /* Tracks lots: its bleach does. */
  { "CLEANING-KIT", "Institutional cleaning kit", "طقم التنظيف المؤسسي", "wash", "kit", NULL,
    NULL, "1", "yes", "yes", "10" },
  { "KITCHEN-B", "Kitchen set B, 36 pieces", "طقم أدوات المطبخ (ب)، 36 قطعة", "nfi", "set", NULL,
    NULL, "1", "no", "yes", "200" },
  { "BEDDING-SET", "Bedding set", "طقم الفراش", "nfi", "set", NULL, NULL, "1", "no", "yes",
    "300" },
  { "SHELTER-KIT", "Shelter kit", "طقم أدوات الإيواء", "shelter", "kit", NULL, NULL, "1", "no",
    "yes", "100" },
  { "WINTER-KIT", "Winter kit", "حقيبة الاستجابة الشتوية", "nfi", "kit", NULL, NULL, "1", "no",
    "yes", "300" },
};

/* Bills of materials: the quantity of each component in one kit. */
typedef struct
{
  const char *kit;
  const char *component;
  gint64      quantity;
} DemoKitLine;

static const DemoKitLine kit_lines[] = {
  /* One person, about a month (Tripoli and Zawiya detention settings). */
  { "HK-PERS", "SOAP-BATH", 1 },
  { "HK-PERS", "SOAP-LNDR", 1 },
  { "HK-PERS", "TOOTHBRUSH", 1 },
  { "HK-PERS", "TOOTHPASTE", 1 },
  { "HK-PERS", "COMB-LICE", 1 },
  { "HK-PERS", "SHAMPOO", 1 },
  { "HK-PERS", "BAG-HYG", 1 },
  /* A household of about five, a month (Sphere). */
  { "HK-FAM", "BUCKET-14", 1 },
  { "HK-FAM", "JERRYCAN-20F", 1 },
  { "HK-FAM", "SOAP-BATH", 5 },
  { "HK-FAM", "SOAP-LNDR", 5 },
  { "HK-FAM", "TOOTHBRUSH", 5 },
  { "HK-FAM", "TOOTHPASTE", 2 },
  { "HK-FAM", "PADS", 4 },
  { "HK-FAM", "TOWEL", 2 },
  { "HK-FAM", "SHAMPOO", 1 },
  { "HK-FAM", "TOILET-PAPER", 8 },
  { "HK-FAM", "NAIL-CLIPPER", 1 },
  { "HK-FAM", "COMB", 1 },
  /* One woman or girl, about two months. */
  { "DIGNITY-KIT", "PADS", 3 },
  { "DIGNITY-KIT", "UNDERWEAR", 2 },
  { "DIGNITY-KIT", "SOAP-BATH", 1 },
  { "DIGNITY-KIT", "TOOTHBRUSH", 1 },
  { "DIGNITY-KIT", "TOOTHPASTE", 1 },
  { "DIGNITY-KIT", "SHAMPOO", 1 },
  { "DIGNITY-KIT", "TOWEL", 1 },
  { "DIGNITY-KIT", "COMB", 1 },
  { "DIGNITY-KIT", "SLIPPERS", 1 },
  { "DIGNITY-KIT", "SOLAR-LAMP", 1 },
  { "DIGNITY-KIT", "WHISTLE", 1 },
  { "DIGNITY-KIT", "HEADSCARF", 1 },
  { "DIGNITY-KIT", "BAG-HYG", 1 },
  /* One detention centre. */
  { "CLEANING-KIT", "BROOM", 15 },
  { "CLEANING-KIT", "DUSTPAN", 15 },
  { "CLEANING-KIT", "BLEACH", 30 },
  { "CLEANING-KIT", "DETERGENT-FLOOR", 15 },
  { "CLEANING-KIT", "CLEANER-TOILET", 15 },
  { "CLEANING-KIT", "BRUSH-TOILET", 15 },
  { "CLEANING-KIT", "GLOVES", 45 },
  { "CLEANING-KIT", "BUCKET-14", 30 },
  /* IOM item 3500000051: 36 pieces. */
  { "KITCHEN-B", "POT-5L", 1 },
  { "KITCHEN-B", "POT-7L", 1 },
  { "KITCHEN-B", "PAN-2.5L", 1 },
  { "KITCHEN-B", "KNIFE-KITCHEN", 1 },
  { "KITCHEN-B", "SPOON-WOOD", 1 },
  { "KITCHEN-B", "BOWL-1L", 5 },
  { "KITCHEN-B", "PLATE-DEEP", 5 },
  { "KITCHEN-B", "CUP-300", 5 },
  { "KITCHEN-B", "SPOON-SOUP", 5 },
  { "KITCHEN-B", "FORK", 5 },
  { "KITCHEN-B", "KNIFE-TABLE", 5 },
  { "KITCHEN-B", "SCOURER", 1 },
  /* One person, winter. */
  { "BEDDING-SET", "MATTRESS", 1 },
  { "BEDDING-SET", "BLANKET-MT", 2 },
  { "BEDDING-SET", "PILLOW", 1 },
  /* One household. */
  { "SHELTER-KIT", "TARPAULIN", 2 },
  { "SHELTER-KIT", "ROPE-6MM", 1 },
  { "SHELTER-KIT", "HAMMER", 1 },
  { "SHELTER-KIT", "NAILS", 1 },
  /* One household. */
  { "WINTER-KIT", "BLANKET-HT", 2 },
  { "WINTER-KIT", "CLOTHES-WINTER", 1 },
  { "WINTER-KIT", "HEATER", 1 },
};

/* Funding ------------------------------------------------------------------ */

static const char *const donor_columns[] = { "code", "name_en", "name_ar" };

static const char *const donor_rows[][G_N_ELEMENTS (donor_columns)] = {
  { "ECHO", "European Civil Protection and Humanitarian Aid Operations",
    "المديرية العامة للحماية المدنية وعمليات المساعدات الإنسانية الأوروبية" },
  { "BHA", "USAID Bureau for Humanitarian Assistance",
    "مكتب المساعدات الإنسانية التابع للوكالة الأمريكية للتنمية الدولية" },
  { "EUTF", "EU Emergency Trust Fund for Africa",
    "الصندوق الاستئماني الأوروبي للطوارئ من أجل أفريقيا" },
  { "GFFO", "German Federal Foreign Office", "وزارة الخارجية الاتحادية الألمانية" },
  { "CERF", "UN Central Emergency Response Fund", "الصندوق المركزي للاستجابة لحالات الطوارئ" },
  { "LHF", "Libya Humanitarian Fund", "صندوق ليبيا الإنساني" },
};

static const char *const grant_columns[] = {
  "code", "donor", "name_en", "name_ar", "start_date", "end_date", "sector", "active"
};

static const char *const grant_rows[][G_N_ELEMENTS (grant_columns)] = {
  { "ECHO-2025-LY-01", "ECHO", "Assistance to migrants at disembarkation and in detention",
    "مساعدة المهاجرين في نقاط الإنزال ومراكز الاحتجاز", "2025-03-01", "2026-02-28", "SHL",
    "yes" },
  { "BHA-2025-LY-WASH", "BHA", "WASH in collective shelters and informal settlements",
    "المياه والصرف الصحي والنظافة في المآوي الجماعية والمستوطنات غير الرسمية", "2025-01-01",
    "2025-12-31", "WSH", "yes" },
  { "EUTF-2023-LY-MRRM", "EUTF", "Migrant Resource and Response Mechanism",
    "آلية موارد المهاجرين والاستجابة", "2023-07-01", "2026-06-30", "PRO", "yes" },
  { "GFFO-2025-LY-WIN", "GFFO", "Winterisation for displaced families",
    "الاستجابة الشتوية للأسر النازحة", "2025-10-01", "2026-03-31", "SHL", "yes" },
  { "CERF-2023-LY-DERNA", "CERF", "Derna floods: emergency relief items",
    "فيضانات درنة: مواد الإغاثة الطارئة", "2023-09-15", "2024-03-14", "SHL", "no" },
  { "LHF-2025-LY-HEA", "LHF", "Hygiene and dignity kits for health facilities",
    "حقائب النظافة والكرامة للمرافق الصحية", "2025-05-01", "2026-04-30", "HEA", "yes" },
};

static const char *const partner_columns[] = { "code", "name_en", "name_ar", "contact", "phone" };

static const char *const partner_rows[][G_N_ELEMENTS (partner_columns)] = {
  { "LRC", "Libyan Red Crescent", "الهلال الأحمر الليبي", "Logistics focal point, Tripoli branch",
    "+218 21 555 0201" },
  { "IMC", "International Medical Corps", "الهيئة الطبية الدولية", "Health programme manager",
    "+218 91 555 0202" },
  { "DRC", "Danish Refugee Council", "المجلس الدنماركي للاجئين", "Shelter and NFI coordinator",
    "+218 92 555 0203" },
  { "ACTED", "ACTED", "أكتد", "WASH officer, Sabha", "+218 91 555 0204" },
};

/* In order: a grant names its donor. */
/* Unit values, for the reports' value columns: plausible prices of the
 * humanitarian catalogues in US dollars; cleaning liquids and cartons are
 * bought in Libya, in dinars. A kit is valued as the supplier prices it,
 * assembled. */
typedef struct
{
  const char *item;
  const char *unit_value;
  const char *currency;
} DemoItemValue;

static const DemoItemValue item_values[] = {
  { "SOAP-BATH", "0.45", "USD" },
  { "SOAP-LNDR", "0.40", "USD" },
  { "TOOTHBRUSH", "0.25", "USD" },
  { "TOOTHPASTE", "0.60", "USD" },
  { "SHAMPOO", "1.20", "USD" },
  { "COMB-LICE", "0.60", "USD" },
  { "COMB", "0.15", "USD" },
  { "BAG-HYG", "1.50", "USD" },
  { "BUCKET-14", "3.20", "USD" },
  { "JERRYCAN-20F", "2.40", "USD" },
  { "PADS", "0.90", "USD" },
  { "TOWEL", "2.10", "USD" },
  { "TOILET-PAPER", "0.30", "USD" },
  { "NAIL-CLIPPER", "0.35", "USD" },
  { "DIAPERS", "4.50", "USD" },
  { "WATER-TABS", "0.20", "USD" },
  { "UNDERWEAR", "1.10", "USD" },
  { "WHISTLE", "0.10", "USD" },
  { "HEADSCARF", "1.80", "USD" },
  { "SLIPPERS", "1.60", "USD" },
  { "BROOM", "3.50", "USD" },
  { "DUSTPAN", "1.20", "USD" },
  { "BLEACH", "4.750", "LYD" },
  { "DETERGENT-FLOOR", "5.500", "LYD" },
  { "CLEANER-TOILET", "6.250", "LYD" },
  { "BRUSH-TOILET", "1.00", "USD" },
  { "GLOVES", "0.70", "USD" },
  { "POT-5L", "6.50", "USD" },
  { "POT-7L", "8.00", "USD" },
  { "PAN-2.5L", "5.00", "USD" },
  { "KNIFE-KITCHEN", "1.20", "USD" },
  { "SPOON-WOOD", "0.40", "USD" },
  { "BOWL-1L", "0.60", "USD" },
  { "PLATE-DEEP", "0.55", "USD" },
  { "CUP-300", "0.35", "USD" },
  { "SPOON-SOUP", "0.15", "USD" },
  { "FORK", "0.15", "USD" },
  { "KNIFE-TABLE", "0.20", "USD" },
  { "SCOURER", "0.10", "USD" },
  { "BLANKET-HT", "9.50", "USD" },
  { "BLANKET-MT", "6.50", "USD" },
  { "BLANKET-150", "4.20", "USD" },
  { "MATTRESS", "18.00", "USD" },
  { "PILLOW", "3.50", "USD" },
  { "SLEEPING-MAT", "2.80", "USD" },
  { "SOLAR-LAMP", "12.00", "USD" },
  { "TARPAULIN", "14.00", "USD" },
  { "ROPE-6MM", "4.00", "USD" },
  { "HAMMER", "4.50", "USD" },
  { "NAILS", "2.00", "USD" },
  { "CLOTHES-WINTER", "15.00", "USD" },
  { "HEATER", "35.00", "USD" },
  { "CARTON", "2.500", "LYD" },
  { "HK-PERS", "5.00", "USD" },
  { "HK-FAM", "25.00", "USD" },
  { "DIGNITY-KIT", "15.00", "USD" },
  { "CLEANING-KIT", "38.00", "USD" },
  { "KITCHEN-B", "32.00", "USD" },
  { "BEDDING-SET", "30.00", "USD" },
  { "SHELTER-KIT", "45.00", "USD" },
  { "WINTER-KIT", "60.00", "USD" },
};

static const DemoTable demo_tables[] = {
  DEMO_TABLE ("warehouse", warehouse_columns, warehouse_rows),
  DEMO_TABLE ("site", site_columns, site_rows),
  DEMO_TABLE ("item", item_columns, item_rows),
  DEMO_TABLE ("donor", donor_columns, donor_rows),
  DEMO_TABLE ("grant", grant_columns, grant_rows),
  DEMO_TABLE ("partner", partner_columns, partner_rows),
};

/* Kits' weights and volumes ------------------------------------------------------ */

static const char *const *
find_item_row (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (item_rows); i++)
    if (g_str_equal (item_rows[i][ITEM_CODE], code))
      return item_rows[i];
  return NULL;
}

/* The sum over a kit's components of quantity × the component's value in
 * @column (weight or volume), as decimal text; NULL if a value is missing. */
static char *
kit_total (const char *kit_code,
           guint       column,
           guint       scale,
           GError    **error)
{
  gint64 total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (kit_lines); i++)
    {
      const char *const *row;
      gint64             value, product;

      if (!g_str_equal (kit_lines[i].kit, kit_code))
        continue;
      row = find_item_row (kit_lines[i].component);
      if (row == NULL || row[column] == NULL)
        {
          g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                       "demo data: component %s of kit %s has no row or no value",
                       kit_lines[i].component, kit_code);
          return NULL;
        }
      if (!mk_text_parse_decimal (row[column], scale, &value, error))
        return NULL;
      if (__builtin_mul_overflow (value, kit_lines[i].quantity, &product) ||
          __builtin_add_overflow (total, product, &total))
        {
          g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                       "demo data: the total of kit %s overflows", kit_code);
          return NULL;
        }
    }
  return mk_text_format_decimal (total, scale);
}

/* Adding ------------------------------------------------------------------- */

static gboolean
set_item_value (MkRecord *record,
                GError  **error)
{
  const char *code = mk_record_get_code (record);

  for (guint i = 0; i < G_N_ELEMENTS (item_values); i++)
    if (g_str_equal (item_values[i].item, code))
      return mk_record_set_text (record, "unit_value", item_values[i].unit_value, error) &&
             mk_record_set_text (record, "currency", item_values[i].currency, error);
  g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, "demo data: item %s has no value", code);
  return FALSE;
}

static gboolean
add_table (MkDatabase      *db,
           const DemoTable *table,
           GError         **error)
{
  const MkKind *kind = mk_kind_lookup (table->kind);

  g_assert (kind != NULL);

  for (guint r = 0; r < table->n_rows; r++)
    {
      const char *const *row = table->cells + (gsize) r * table->n_columns;
      g_autoptr (MkRecord) record = mk_record_new (kind);

      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autofree char *computed = NULL;
          const char      *value = row[c];

          if (value == NULL && g_str_equal (table->kind, "item") &&
              (c == ITEM_WEIGHT || c == ITEM_VOLUME))
            {
              const MkField *field = mk_kind_find_field (kind, table->columns[c]);

              computed = kit_total (row[ITEM_CODE], c, field->scale, error);
              if (computed == NULL)
                return FALSE;
              value = computed;
            }
          if (value != NULL && !mk_record_set_text (record, table->columns[c], value, error))
            return FALSE;
        }
      if (g_str_equal (table->kind, "item") && !set_item_value (record, error))
        return FALSE;
      if (!mk_master_data_add (db, record, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_kits (MkDatabase *db,
          GError    **error)
{
  guint start = 0;

  while (start < G_N_ELEMENTS (kit_lines))
    {
      g_autoptr (GPtrArray) components = g_ptr_array_new_with_free_func (
          (GDestroyNotify) mk_kit_component_free);
      const char *kit = kit_lines[start].kit;
      guint       end = start;

      /* The lines of one kit are together. */
      while (end < G_N_ELEMENTS (kit_lines) && g_str_equal (kit_lines[end].kit, kit))
        {
          const DemoKitLine *line = &kit_lines[end];

          g_ptr_array_add (components, mk_kit_component_new (line->component, line->quantity));
          end++;
        }
      if (!mk_kit_set_components (db, kit, components, error))
        return FALSE;
      start = end;
    }
  return TRUE;
}

static gboolean
add_master_data (MkDatabase *db,
                 GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_tables); i++)
    if (!add_table (db, &demo_tables[i], error))
      return FALSE;
  return add_kits (db, error);
}

static void
remove_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
}

/* The proof that the generated ledger holds: balances, transit and monthly
 * totals equal the movements, numbers are gapless. */
static gboolean
check_ledger (MkDatabase  *db,
              MkDemoStats *stats,
              GError     **error)
{
  gint64 start = g_get_monotonic_time ();

  if (!mk_ledger_check (db, error))
    return FALSE;
  stats->check_us = g_get_monotonic_time () - start;
  return TRUE;
}

MkDatabase *
mk_cli_demo_create (MkCli       *cli,
                    const char  *path,
                    gint64       movements,
                    guint32      seed,
                    MkDemoStats *stats,
                    GError     **error)
{
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *created = NULL;
  MkDemoStats      ignored = { 0 };

  db = mk_cli_create_database (cli, path, DEMO_OFFICE_CODE, DEMO_OFFICE_NUMBER,
                               DEMO_OFFICE_NAME_EN, DEMO_OFFICE_NAME_AR, error);
  if (db == NULL)
    return NULL;
  created = g_strdup (mk_database_get_path (db));

  if (stats == NULL)
    stats = &ignored;
  if (!add_master_data (db, &local_error)
      || (movements > 0 && !mk_demo_generate_movements (db, movements, seed, stats, &local_error))
      || (movements > 0 && !check_ledger (db, stats, &local_error)))
    {
      /* The file is new and ours: leave nothing half made. */
      g_clear_object (&db);
      remove_database (created);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _ ("The demo database could not be made: "));
      return NULL;
    }
  return g_steal_pointer (&db);
}

/* The default seed: any number would do, this one is the mission's start. */
#define DEFAULT_SEED 20240101

gboolean
mk_cli_command_demo (MkCli   *cli,
                     char  ***args,
                     GError **error)
{
  g_autofree char   *out = NULL;
  g_autofree char   *movements_text = NULL;
  g_autofree char   *seed_text = NULL;
  const GOptionEntry entries[] = {
    { "out", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &out,
      N_ ("The new database file (default: the file of --db)"), N_ ("PATH") },
    { "movements", 'm', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &movements_text,
      N_ ("Also post the mission’s documents from 2024-01 to 2026-10 until this many stock "
          "movements are written (default: none)"),
      N_ ("N") },
    { "seed", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &seed_text,
      N_ ("The seed of the documents’ random choices: the same seed makes the same mission "
          "(default: 20240101)"),
      N_ ("S") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, MK_DEMO_MAX_MOVEMENTS);
  g_autofree char *uint_max = g_strdup_printf ("%u", G_MAXUINT32);
  MkDemoStats      stats = { 0 };
  gint64           movements = 0, seed = DEFAULT_SEED;

  context = mk_cli_option_context_new (
      cli, "",
      N_ ("Creates a new database for a demo country office in Tripoli (TRP): warehouses, sites, "
          "the relief items and kits of the catalogue, donors, grants and partners. The file must "
          "not exist yet. With --movements, also years of goods received, kitting, waybills and "
          "their receptions, counts and losses, households with their entitlements, "
          "distributions at the sites and service deliveries, each posted as a user posts it."),
      entries, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 0, 0, error))
    return FALSE;
  if (movements_text != NULL
      && (!mk_text_parse_int (movements_text, &movements, NULL) || movements < 0
          || movements > MK_DEMO_MAX_MOVEMENTS))
    {
      /* Translators: “--movements takes a number from 0 to 10000000.” */
      mk_cli_set_usage_error (error, _ ("%s takes a number from %s to %s."), "--movements", "0",
                              max_text);
      return FALSE;
    }
  if (seed_text != NULL
      && (!mk_text_parse_int (seed_text, &seed, NULL) || seed < 0 || seed > G_MAXUINT32))
    {
      mk_cli_set_usage_error (error, _ ("%s takes a number from %s to %s."), "--seed", "0",
                              uint_max);
      return FALSE;
    }

  db = mk_cli_demo_create (cli, out, movements, (guint32) seed, &stats, error);
  if (db == NULL)
    return FALSE;

  display = g_filename_display_name (mk_database_get_path (db));
  /* Translators: %s is a file name. */
  mk_cli_print_line (_ ("Created the demo database %s for the Tripoli country office."), display);
  if (movements == 0)
    return TRUE;

  {
    g_autofree char *documents = g_strdup_printf ("%" G_GINT64_FORMAT, stats.documents);
    g_autofree char *written = g_strdup_printf ("%" G_GINT64_FORMAT, stats.movements);
    g_autofree char *rate = g_strdup_printf (
        "%" G_GINT64_FORMAT, stats.wall_us > 0 ? stats.movements * G_USEC_PER_SEC / stats.wall_us : 0);
    g_autofree char *cpu = stats.cpu_us >= 0 ? g_strdup_printf ("%.2f", stats.cpu_us / 1e6)
                                             : g_strdup ("?");

    mk_cli_print_line (g_dngettext (GETTEXT_PACKAGE,
                                    /* Translators: the first %s is a number of documents,
                                     * the second of stock movements, then two dates. */
                                    "Posted %s documents with %s stock movement, dated %s to %s.",
                                    "Posted %s documents with %s stock movements, dated %s to %s.",
                                    (gulong) stats.movements),
                       documents, written, stats.first_date, stats.last_date);
    {
      g_autofree char *distributions = g_strdup_printf ("%" G_GINT64_FORMAT, stats.distributions);
      g_autofree char *lists = g_strdup_printf ("%" G_GINT64_FORMAT, stats.household_lists);
      g_autofree char *households = g_strdup_printf ("%" G_GINT64_FORMAT, stats.households);
      g_autofree char *services = g_strdup_printf ("%" G_GINT64_FORMAT, stats.services);

      /* Translators: numbers of distributions, of them to lists of households,
       * of registered households and of service deliveries. */
      mk_cli_print_line (_ ("Of them %s distributions (%s by household list, %s households registered) and %s service deliveries."),
                         distributions, lists, households, services);
    }
    /* Translators: times in seconds, then a number of movements. */
    mk_cli_print_line (_ ("Generated in %.2f s (%s s of CPU time): %s movements a second."),
                       stats.wall_us / 1e6, cpu, rate);
    /* Translators: a time in seconds. */
    mk_cli_print_line (_ ("The ledger checks out (checked in %.2f s)."), stats.check_us / 1e6);
  }
  return TRUE;
}

#else /* !MK_DEMO_DATA */

MkDatabase *
mk_cli_demo_create (MkCli       *cli,
                    const char  *path,
                    gint64       movements,
                    guint32      seed,
                    MkDemoStats *stats,
                    GError     **error)
{
  g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
               _ ("This makhzan-cli was built without the demo (meson option demo_data)."));
  return NULL;
}

gboolean
mk_cli_command_demo (MkCli   *cli,
                     char  ***args,
                     GError **error)
{
  g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
               _ ("This makhzan-cli was built without the demo (meson option demo_data)."));
  return FALSE;
}

#endif
