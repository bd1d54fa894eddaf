"""The standard spreadsheet (Art. 7 标准化模板): a template per rules version, import of a filled
workbook into an event folder's YAML files, and export of an event folder to a filled workbook."""
