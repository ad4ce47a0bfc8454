#!/usr/bin/python3
# check-workbooks.py: reads back the workbooks test-reports wrote.
#
#   check-workbooks.py EXPECT-JSON
#
# EXPECT-JSON names the folder and what the core's API says (people reached,
# a balance, the sensitive site's code and names, an Arabic item name). Every
# workbook must open, have a frozen, filtered header on each data sheet,
# numbers as numbers and dates as dates, and never contain the sensitive
# site in any entry of its archive.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime
import json
import os
import sys
import zipfile

import openpyxl

HXL = ['#date+reported', '#org+reporting+name', '#org+impl+name', '#org+funder+name',
       '#activity+code', '#sector+cluster+name', '#sector+code', '#activity+name',
       '#indicator+name', '#modality', '#adm1+name', '#adm1+code', '#adm2+name',
       '#adm2+code', '#adm3+name', '#adm3+name+i_ar', '#adm3+code', '#loc+type',
       '#beneficiary+type', '#date+occurred', '#reached+ind', '#reached+hh',
       '#reached+f+children+age0_17', '#reached+m+children+age0_17',
       '#reached+f+adults+age18_59', '#reached+m+adults+age18_59',
       '#reached+f+elderly+age60_', '#reached+m+elderly+age60_', '#reached+disabled',
       '#item+name', '#item+code', '#output+num', '#x_weight+kg', '#x_volume+m3', '#status']

expect = json.loads(sys.argv[1])
folder = expect['dir']
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def header_index(sheet, title, row=1):
    for cell in sheet[row]:
        if cell.value == title:
            return cell.column - 1
    raise KeyError('%s: no column %r' % (sheet.title, title))


def data_rows(sheet, first):
    """The rows from @first to the last, without the totals rows (one, and
    one per currency when there are several)."""
    rows = list(sheet.iter_rows(min_row=first, values_only=True))
    while rows and rows[-1][0] in ('Total', expect['total_ar']):
        rows = rows[:-1]
    return rows


def check_values(name, sheet_name, quantity_title):
    """Each row's value is its quantity times the item's unit value, in the
    item's currency; each currency has its own totals row, a SUMIF over the
    rows of that currency whose cached value is their sum."""
    book = openpyxl.load_workbook(os.path.join(folder, name))
    cached = openpyxl.load_workbook(os.path.join(folder, name), data_only=True)
    sheet, values_sheet = book[sheet_name], cached[sheet_name]
    item, quantity, currency, value = (header_index(sheet, t) for t in
                                       ('Item code', quantity_title, 'Currency', 'Value' if sheet_name != 'Stock report' else 'Closing value'))
    rows = data_rows(sheet, 2)
    sums = {}
    for r in rows:
        milli, code = expect['values'][r[item]]
        check(r[currency] == code, '%s: %s %r is not in %s' % (name, sheet_name, r, code))
        check(round(r[value] * 1000) == r[quantity] * milli,
              '%s: %s value %r is not %s × %s' % (name, sheet_name, r[value], r[quantity], milli / 1000))
        check(sheet.cell(row=2, column=value + 1).number_format == '#,##0.00#',
              '%s: %s value format %r' % (name, sheet_name, sheet.cell(row=2, column=value + 1).number_format))
        sums[code] = sums.get(code, 0) + r[quantity] * milli
    totals = list(sheet.iter_rows(min_row=len(rows) + 2, values_only=True))
    cached_totals = list(values_sheet.iter_rows(min_row=len(rows) + 2, values_only=True))
    per_currency = [(t, c) for t, c in zip(totals, cached_totals) if t[currency] in sums and t[value]]
    check(len(sums) < 2 or len(per_currency) == len(sums),
          '%s: %s totals %r for currencies %r' % (name, sheet_name, totals, sums))
    letter = openpyxl.utils.get_column_letter
    for t, c in per_currency:
        code = t[currency]
        formula = ('=SUMIF($%s$2:$%s$%d,"%s",%s2:%s%d)' % (letter(currency + 1), letter(currency + 1), len(rows) + 1,
                                                         code, letter(value + 1), letter(value + 1), len(rows) + 1)
                   if len(sums) > 1 else '=SUM(%s2:%s%d)' % (letter(value + 1), letter(value + 1), len(rows) + 1))
        check(t[value] == formula, '%s: %s %s total %r, not %r' % (name, sheet_name, code, t[value], formula))
        check(round(c[value] * 1000) == sums[code],
              '%s: %s %s total is %r, the rows add up to %s' % (name, sheet_name, code, c[value], sums[code] / 1000))
    return sums


workbooks = sorted(f for f in os.listdir(folder) if f.endswith('.xlsx'))
check(len(workbooks) == 10, 'ten workbooks, found %s' % workbooks)

for name in workbooks:
    path = os.path.join(folder, name)
    # No sensitive site in any entry of the archive, in any form.
    with zipfile.ZipFile(path) as archive:
        check(archive.testzip() is None, '%s: a damaged entry' % name)
        for entry in archive.namelist():
            text = archive.read(entry).decode('utf-8', 'replace')
            for word in expect['sensitive']:
                check(word.lower() not in text.lower(), '%s: %s names %s' % (name, entry, word))
    book = openpyxl.load_workbook(path)
    arabic = name.endswith('-ar.xlsx')
    total = expect['total_ar'] if arabic else 'Total'
    check(book.sheetnames[0] == (expect['readme_ar'] if arabic else 'ReadMe'),
          '%s: the ReadMe comes first: %s' % (name, book.sheetnames))
    for index, sheet in enumerate(book.worksheets):
        check(bool(sheet.sheet_view.rightToLeft) == arabic,
              '%s: %s right to left is %s' % (name, sheet.title, sheet.sheet_view.rightToLeft))
        # The ReadMe, and the donor's summary, are not data sheets.
        if index == 0 or (name.startswith('donor') and index == 1):
            continue
        header_rows = 2 if name.startswith('5w') else 1
        check(sheet.freeze_panes == 'A%d' % (header_rows + 1),
              '%s: %s frozen at %s' % (name, sheet.title, sheet.freeze_panes))
        check(sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith('A%d:' % header_rows),
              '%s: %s filter %s' % (name, sheet.title, sheet.auto_filter.ref))
        check(not sheet.merged_cells.ranges, '%s: %s has merged cells' % (name, sheet.title))
        for letter, dimension in sheet.column_dimensions.items():
            check(dimension.width is None or 6 <= dimension.width <= 64,
                  '%s: %s column %s is %s wide' % (name, sheet.title, letter, dimension.width))
        # Dates are dates, and quantities numbers.
        for row in sheet.iter_rows(min_row=header_rows + 1):
            if row[0].value == total:
                continue
            for cell in row:
                title = sheet.cell(row=1, column=cell.column).value or ''
                if cell.value is None:
                    continue
                if title in ('Date', 'Expiry date', 'Date of distribution', 'Expected on', 'Received on', 'End date'):
                    check(isinstance(cell.value, datetime.datetime),
                          '%s: %s %s is %r' % (name, sheet.title, cell.coordinate, cell.value))
                if title in ('Quantity', 'Individuals', 'Closing balance', 'Individuals reached', 'Households'):
                    check(isinstance(cell.value, (int, float)) or str(cell.value).startswith('=SUM('),
                          '%s: %s %s is %r' % (name, sheet.title, cell.coordinate, cell.value))
    readme = [c for row in book.worksheets[0].iter_rows(values_only=True) for c in row if c is not None]
    nothing = any(isinstance(c, str) and c.startswith('Nothing was recorded') for c in readme)
    check(nothing == (name == 'empty.xlsx'), '%s: says it is empty: %s' % (name, nothing))

# The stock report: SOAP of ECHO-2026 closes March at the ledger's balance,
# and the totals row sums the rows.
book = openpyxl.load_workbook(os.path.join(folder, 'stock.xlsx'))
sheet = book['Stock report']
month, item, grant, closing = (header_index(sheet, t) for t in ('Month', 'Item code', 'Grant', 'Closing balance'))
rows = data_rows(sheet, 2)
soap = [r for r in rows if r[month] == '2026-03' and r[item] == 'SOAP' and r[grant] == 'ECHO-2026']
check(len(soap) == 1 and soap[0][closing] == expect['soap_closing_march'],
      'stock: SOAP closes March at %s, the ledger says %s' % (soap, expect['soap_closing_march']))
last = list(sheet.iter_rows(values_only=True))[len(rows) + 1]
check(last[0] == 'Total' and last[closing] == '=SUM(%s2:%s%d)' % ((chr(65 + closing),) * 2 + (len(rows) + 1,)),
      'stock: totals row %r' % (last,))
# Opening + receipts … = closing on every row.
cols = {t: header_index(sheet, t) for t in (
    'Opening balance', 'Received: purchase', 'Received: donation', 'Received: transfer in',
    'Received: return', 'Dispatched (transfer out)', 'Distributed', 'Loss: damaged', 'Loss: expired',
    'Loss: lost', 'Loss: theft', 'Loss: other', 'Kitting (net)', 'Adjustments (net)', 'Closing balance')}
for r in rows:
    v = {t: r[i] for t, i in cols.items()}
    computed = (v['Opening balance'] + v['Received: purchase'] + v['Received: donation']
                + v['Received: transfer in'] + v['Received: return'] + v['Kitting (net)']
                + v['Adjustments (net)'] - v['Dispatched (transfer out)'] - v['Distributed']
                - v['Loss: damaged'] - v['Loss: expired'] - v['Loss: lost'] - v['Loss: theft']
                - v['Loss: other'])
    check(computed == v['Closing balance'], 'stock: %r does not add up' % (r,))

# Values: the stock report's closing value, and the donor's items received
# and distributed, in USD and LYD apart.
sums = check_values('stock.xlsx', 'Stock report', 'Closing balance')
check(set(sums) == {'USD', 'LYD'}, 'stock: the currencies are %r' % (sums,))
received = check_values('donor.xlsx', 'Received', 'Quantity')
distributed = check_values('donor.xlsx', 'Items distributed', 'Quantity')
# The donor's summary: the value received and distributed, per currency.
summary = {r[0]: r[1] for r in openpyxl.load_workbook(os.path.join(folder, 'donor.xlsx'))['Summary'].iter_rows(values_only=True)}
for label, sums in (('Value of goods received (%s)', received), ('Value of items distributed (%s)', distributed)):
    check(len(sums) > 0, 'donor: no value in %s' % label)
    for code, total in sums.items():
        check(summary.get(label % code) is not None and round(summary[label % code] * 1000) == total,
              'donor: summary %r is %r, the rows add up to %s' % (label % code, summary.get(label % code), total / 1000))
check_values('donor.xlsx', 'Stock remaining', 'Quantity')

# The 5W sheet: the HXL row, and the rows sum to the people reached.
for name in ('5w.xlsx', '5w-ar.xlsx'):
    sheet = openpyxl.load_workbook(os.path.join(folder, name)).worksheets[1]
    check([c.value for c in sheet[2]] == HXL, '%s: HXL row %r' % (name, [c.value for c in sheet[2]]))
    header = expect['header_ar'] if name == '5w-ar.xlsx' else 'Individuals reached'
    check(header in [c.value for c in sheet[1]], '%s: no header %r in %r' % (name, header, [c.value for c in sheet[1]]))
    individuals = header_index(sheet, '#reached+ind', 2)
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    check(sum(r[individuals] for r in rows) == expect['reached'],
          '%s: rows sum to %s, reached %s' % (name, sum(r[individuals] for r in rows), expect['reached']))
    cells = [c for r in rows for c in r if isinstance(c, str)]
    if name == '5w-ar.xlsx':
        check(any(expect['arabic_item'] in c for c in cells), '5w-ar: the Arabic item name is missing')
        check(any('بنغازي' == c for c in cells), '5w-ar: the baladiya in Arabic is missing')
    else:
        check(any('Individual hygiene kit' in c for c in cells), '5w: the English item name is missing')

# The donor workbook: its summary's unique people equal the core's count.
book = openpyxl.load_workbook(os.path.join(folder, 'donor.xlsx'))
summary = [r for r in book['Summary'].iter_rows(values_only=True)]
check(summary[2][1] == expect['reached_echo'],
      'donor: summary says %s unique people, the core %s' % (summary[2][1], expect['reached_echo']))
with zipfile.ZipFile(os.path.join(folder, 'donor.xlsx')) as archive:
    charts = [e for e in archive.namelist() if e.startswith('xl/charts/chart')]
check(len(charts) == 2, 'donor: two charts on the summary, found %s' % charts)
for title in ('Received', 'Items distributed', 'Distribution lines', 'People by indicator',
              'People by baladiya', 'Services', 'Stock remaining', 'Losses'):
    check(title in book.sheetnames, 'donor: no sheet %s' % title)

if failures:
    print('\n'.join(failures))
    sys.exit(1)
print('%d workbooks read back' % len(workbooks))
