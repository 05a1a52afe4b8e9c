"""Readable document images with known ground truth, for the OCR reader (Scripts/make-reading-set.py).

Modules: numbers (ID numbers, credit codes and their checks), people (names, companies, regions,
validity periods), style (fonts and layout pools per split), canvas (PIL drawing with field
boxes, seals with real characters, emblem, QR-like block, borders, portrait), doc (the drawn
document), licence / idcard / forms (the six kinds), shots (captures and legibility), items
(one image and its entry), labels_check (the entry schema), runner (the three modes).

Label semantics (labels.json, expected.json):
* label: document | id_card (not_document for the fixtures' blank page and noise); role:
  subject_certificate (licence), id_card_front, id_card_back, authenticity_statement (the
  核验单 and also the 承诺书), domain_certificate, unknown (blank/noise).
* seal: a seal impression with at least half its ink inside the frame (greyscale ones too).
  The emblem on licences and ID card backs is not a seal. cut_off: the page's (for a card laid
  on a sheet: the card's) outline leaves the frame by more than 0.6 % of the frame.
  faces_visible: 1 on ID card fronts whose portrait is in the frame.
* reading: what is printed AND legible. A field counts only when all of its ink box is inside
  the frame, its font size there is at least 13 px, it is not under the glare's saturated core
  and, on blurry images, its font size is at least 6.5 blur sigmas (a motion streak counts as
  1.5 × its sigma). A value printed twice (the statement of an individual, the commitment
  letter) counts when any copy is legible. Values printed but not legible are listed in
  reading.unreadable (numbers, names and dates; never titles); the notes say why, and give the
  smallest font size per field in px ("text px ...").
  - title: business_licence, id_card_front (from the 公民身份号码 label: the front has no
    title), id_card_back (居民身份证), authenticity_statement, commitment_letter,
    domain_certificate.
  - id_numbers: ID card number; on statements the 网站负责人证件号码 and, for individuals, the
    主办单位证件号码; on an individual's commitment letter the number in the text.
  - credit_codes: licence code; 主办单位证件号码 of organisations on statements; the code in
    the commitment letter's text.
  - names: {"subject": …} for organisations (licence 名称, statement 主办单位名称, commitment
    letter, certificate holder), {"holder": …} for persons (ID card 姓名, individuals).
  - valid_from / valid_until: licence 营业期限, ID card back 有效期限, certificate 注册日期 /
    到期日期; ISO dates, "long_term" for 长期.
* clean: a clean scan (full page, with margin, askew) or clean photo (phone photo, app crop)
  that is not blurry, glared or cut off. Rotated, small and photocopied captures are not clean.

Validity classes (relative to 2026-12-06): valid (ends mid-2027 or later), expires_soon
(ends within 90 days after), expired (ended 2020–2025), long_term.
"""
