#!/usr/bin/env python3
# gen.py - write the third held-out personal-data set (messages/*.eml, labels.tsv).
# Deterministic: the same files on every run.  Every person, number and firm
# is invented; My Number, corporate numbers and invoice registration numbers
# carry check digits computed below from the published algorithms.
# Labels were decided from each message's content before any scan.

import base64
import os
from email.header import Header

HERE = os.path.dirname(os.path.abspath(__file__))
FIRM = 'minatobashi-ins.example'


def mynumber(base11):
    """mynumber - 11 digits plus the check digit of the individual number."""
    d = [int(c) for c in base11]
    s = 0
    for n in range(1, 12):
        p = d[11 - n]
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    r = s % 11
    return base11 + str(0 if r <= 1 else 11 - r)


def corpnum(base12):
    """corpnum - the check digit followed by 12 digits (corporate number)."""
    d = [int(c) for c in base12]
    s = 0
    for n in range(1, 13):
        s += d[12 - n] * (1 if n % 2 else 2)
    return str(9 - s % 9) + base12


def fw(s):
    """fw - full-width digits."""
    return ''.join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in s)


def b64(text):
    return base64.encodebytes(text.encode('utf-8')).decode('ascii')


SIG = ('--\nみなと橋保険サービス株式会社 営業二課\n%s\n'
       '〒231-0806 横浜市中区本牧町二丁目 88-4 みなと橋ビル3F\n'
       'TEL 045-671-3390 / FAX 045-671-3391\n%s@' + FIRM + '\n')
STAFF = [('桐生 颯太', 'kiryu'), ('大槻 美緒', 'otsuki'), ('三宅 航', 'miyake'),
         ('Rina Takasu', 'takasu')]


def write(name, subject, body, to, idx, html=None, extra=''):
    who, user = STAFF[idx % len(STAFF)]
    text = body if body.endswith('\n') else body + '\n'
    if '{sig}' in text:
        text = text.replace('{sig}', SIG % (who, user))
    hdr = ('From: %s <%s@%s>\nTo: %s\nSubject: %s\n'
           'Date: Mon, 7 Dec 2026 %02d:%02d:00 +0900\n'
           'Message-ID: <h3p-%s@%s>\nMIME-Version: 1.0\n' %
           (Header(who, 'utf-8').encode(), user, FIRM, to,
            Header(subject, 'utf-8').encode(), 9 + idx % 8, idx % 60,
            name.replace('.eml', ''), FIRM)) + extra
    if html is None:
        msg = hdr + ('Content-Type: text/plain; charset=utf-8\n'
                     'Content-Transfer-Encoding: base64\n\n' + b64(text))
    else:
        hb = html.replace('{sig}', (SIG % (who, user)).replace('\n', '<br>\n'))
        msg = hdr + ('Content-Type: multipart/alternative; boundary="=_alt_%s"\n\n'
                     '--=_alt_%s\nContent-Type: text/plain; charset=utf-8\n'
                     'Content-Transfer-Encoding: base64\n\n%s\n'
                     '--=_alt_%s\nContent-Type: text/html; charset=utf-8\n'
                     'Content-Transfer-Encoding: base64\n\n%s\n--=_alt_%s--\n' %
                     (idx, idx, b64(text), idx, b64(hb), idx))
    with open(os.path.join(HERE, 'messages', name), 'w', encoding='utf-8', newline='\n') as f:
        f.write(msg)


M = []   # (name, labels, note, subject, body, to, html)


def add(cls, labels, note, subject, body, to='tanto@tohokaijo.example', html=None):
    n = sum(1 for m in M if m[0].startswith(cls + '-')) + 1
    M.append(('%s-%02d.eml' % (cls, n), labels, note, subject, body, to, html))


# ---- positives: one customer's labelled item -------------------------------
add('pos-item', 'pii.phone,body.pii', 'mobile reply: ○○様の携帯は…',
    'Re: 事故受付の件', '東邦海上 ご担当者様\n\n柳瀬様の携帯は 080-4417-2093 です。日中はつながりにくいそうです。\n取り急ぎ。\n{sig}')
add('pos-item', 'pii.name,pii.phone,body.pii', 'ご契約者の○○さん（phone in parentheses）',
    '満期案内の送付先について', 'あおば生命 新契約課 御中\n\nいつもお世話になっております。\nご契約者の 篠塚 千晴さん（090-2281-6634）から、満期案内を勤務先ではなく自宅へとのご依頼がありました。\nご対応をお願いいたします。\n{sig}',
    to='shinkeiyaku@aoba-life.example')
add('pos-item', 'pii.email,body.pii', 'value on the line after the label',
    'ご本人連絡先', '東邦海上 鶴見サービスセンター 様\n\n被保険者ご本人の連絡用メールアドレス：\nharuka.onodera77@mail.example.net\n\n以上、よろしくお願いします。\n{sig}')
add('pos-item', 'pii.birthdate,body.pii', 'birth date in an applicant table',
    '申込内容の確認', '申込者情報（抜粋）\n\n| 項目 | 内容 |\n|------|------|\n| 申込者生年月日 | 1979年11月3日 |\n| 申込プラン | 家族傷害 Bプラン |\n\nご確認ください。\n{sig}')
add('pos-item', 'pii.address,body.pii', 'address with the label three lines above',
    '書類の送付先変更', '東邦海上 ご担当者様\n\nお客様から住所変更のご連絡がありました。\n新しい住所は下記のとおりです。\n（マンション名まで正確にお願いします）\n神奈川県藤沢市辻堂元町四丁目 12-7 グランシェル辻堂 505号室\n\n{sig}')
add('pos-item', 'pii.name,pii.birthdate,body.pii', 'long formal letter: 被保険者 name and birth date',
    '【ご依頼】被保険者変更に伴う書類作成', '株式会社あおば生命保険\n契約サービス部 御中\n\n拝啓 師走の候、貴社ますますご清栄のこととお慶び申し上げます。\n平素は格別のお引き立てを賜り、厚く御礼申し上げます。\n\nさて、標記の件につきまして、下記のとおり被保険者の変更をお願い申し上げます。\n\n記\n\n新被保険者　氏名：真鍋 一志\n　　　　　　生年月日：1988年5月21日\n\n以上\n\n何卒よろしくお願い申し上げます。\n敬具\n{sig}',
    to='keiyaku@aoba-life.example')
add('pos-item', 'pii.name,body.pii', 'お客様 name in a short reply',
    'Re: 車両入替', '了解です。お客様は 東雲 遼平 様です。車検証は別途パスワード付きで送ります。\n{sig}')

# ---- positives: bank accounts ----------------------------------------------
add('pos-bank', 'pii.bank_account,pii.name,body.pii', 'ゆうちょ 記号-番号',
    '保険金振込先', 'ご担当者様\n\n保険金の振込先（被保険者ご本人名義）\nゆうちょ銀行 記号 13480-番号 21907564\n名義 タナベ ミサキ\n\nよろしくお願いします。\n{sig}')
add('pos-bank', 'pii.bank_account,pii.name,body.pii', '当座 with branch name and number',
    '解約返戻金の受取口座', '受取口座は以下です。\n\nみずなら銀行 本牧支店（支店番号 214）\n当座 0047719\n口座名義：ヨコタ ミツル（ご契約者ご本人）\n\n{sig}')
add('pos-bank', 'pii.bank_account,pii.name,body.pii', 'full-width digits, 普通',
    '振替口座', '契約者さまの口座振替先です。\n\nあさぎり信用金庫　金沢八景支店　普通　' + fw('3318064') + '\n口座名義　オオハシ　ケンジ\n\n{sig}')
add('pos-bank', 'pii.bank_account,pii.name,body.pii', 'tab-separated rows pasted from Excel',
    '返戻金振込一覧（3件）', '振込予定を貼り付けます。\n\n氏名\t銀行\t支店\t種別\t口座番号\n小田切 哲也\tみずなら銀行\t関内支店\t普通\t6120493\n宇佐美 香織\tあさぎり信用金庫\t戸塚支店\t普通\t0084127\n堀之内 勝\tみずなら銀行\t上大岡支店\t当座\t3007716\n\n{sig}')
add('pos-bank', 'pii.bank_account,body.pii', 'ゆうちょ 記号番号 written with spaces, next line',
    'Re: 返金先', '返金先ゆうちょです\n記号番号\n10170 38825141\n{sig}')
add('pos-bank', 'pii.bank_account,body.pii', 'branch number and account in one line, 口座番号 label',
    '口座変更届の件', 'お客様より口座変更の連絡がありました。\n新口座：みずなら銀行 支店番号302 普通 口座番号5589021\n変更届の原本は郵送済みです。\n{sig}')

# ---- positives: sensitive (要配慮個人情報) ----------------------------------
add('pos-sens', 'sensitive,pii.name,body.pii', 'illness stated directly (diagnosis)',
    '給付金請求のご相談', '鴨志田 里美 様（被保険者）は先月、乳がんと診断され、現在抗がん剤治療中です。\n入院給付金の請求書類一式をお送りいただけますか。\n{sig}')
add('pos-sens', 'sensitive,body.pii', 'illness indirectly: 入院中, 手術予定',
    'Re: 面談日程', 'ご契約者様は現在入院中で、来週手術の予定とのことです。\n面談は退院後に改めて調整させてください。\n{sig}')
add('pos-sens', 'sensitive,pii.name,body.pii', '通院・服薬 in a short note',
    '告知内容の補足', '告知の補足です。申込者の 江波 直樹 さんは高血圧で月1回通院しており、降圧剤を服薬中とのことでした。\n{sig}')
add('pos-sens', 'sensitive,pii.name,body.pii', 'crime victim',
    '盗難事故の件', '被保険者の 椎名 文香 様は、11月末に自宅で空き巣の被害に遭い、警察に被害届を提出済みです（受理番号は後日）。\nまたストーカー被害の相談中とのことで、書類は勤務先宛にしてください。\n{sig}')
add('pos-sens', 'sensitive,pii.name,body.pii', 'union membership and religion',
    '団体扱い加入の確認', '加入予定者の 仁科 康介 様は、みなと交通労働組合の組合員で組合経由の団体扱いを希望されています。\nなお、ご本人は〇〇教の信者のため、輸血を伴う治療は受けないとの意向です。\n{sig}')
add('pos-sens', 'sensitive,body.pii', '本籍 and criminal record of a person',
    '身元確認書類について', 'ご本人の本籍は鹿児島県大島郡で、過去に道路交通法違反の前科があるとのご申告がありました。\n引受可否のご判断をお願いします。\n{sig}')
add('pos-sens', 'sensitive,pii.name,body.pii', 'disability (障害者手帳)',
    '保険料払込免除の件', '契約者 藤代 亮 様は身体障害者手帳2級をお持ちで、車椅子を使用されています。\n払込免除の適用可否をご確認ください。\n{sig}')
add('pos-sens', 'sensitive,pii.name,body.pii', 'English: diagnosis and medical history',
    'Claim support - Mr Holloway', 'Dear Claims Team,\n\nRegarding our client Mr Daniel Holloway: he was diagnosed with type 2 diabetes in 2024 and his medical history includes a heart bypass operation.\nPlease advise which documents you need.\n\nBest regards,\n{sig}',
    to='claims@tohokaijo.example')
add('pos-sens', 'sensitive,pii.name,body.pii', 'English: criminal record and religion',
    'Underwriting question', 'Hello,\n\nThe applicant, Ms Priya Raman, has disclosed a criminal record (a 2019 fraud conviction).\nShe also asked that her religion (Hindu) be noted for hospital dietary needs.\nCan we proceed?\n{sig}',
    to='uw@aoba-life.example')

# ---- positives: English names and dates ------------------------------------
add('pos-eng', 'pii.name,pii.birthdate,body.pii', 'passport-style Family name / Given name',
    'Travel insurance application', 'Family name: OKONKWO\nGiven name: CHIDINMA\nDate of birth: 14 MAR 1991\nNationality: NGA\n\nPlease issue the certificate.\n{sig}')
add('pos-eng', 'pii.name,pii.birthdate,body.pii', 'ordinal English date with a Ms name',
    'New applicant', 'Hi,\n\nThe new applicant is Ms Sarah Whitcombe, born on the 3rd of August 1985.\nThanks,\n{sig}')
add('pos-eng', 'pii.name,body.pii', 'romaji name with a Japanese label',
    '外国籍のお客様', 'お客様氏名（ローマ字）：NGUYEN VAN THANH\nカナ：グエン ヴァン タン\n在留期間の確認は済んでいます。\n{sig}')
add('pos-eng', 'pii.name,pii.birthdate,body.pii', 'Japanese era date with kanji numerals',
    '生年月日の訂正', '契約者 矢吹 恵美子 様の生年月日に誤りがありました。\n正：昭和六十年三月十二日\n誤：昭和六十年三月二十一日\n訂正をお願いします。\n{sig}')
add('pos-eng', 'pii.birthdate,body.pii', '令和元年 birth date of a child insured',
    '学資保険 被保険者', '被保険者（お子様）の生年月日は 令和元年7月9日 です。\n{sig}')
add('pos-eng', 'pii.name,pii.birthdate,body.pii', 'English DOB with Mr and US-style date',
    'Re: Policy amendment', 'Mr Kenji Arakawa (DOB: September 27, 1972) asked us to add his spouse.\nRegards\n{sig}')

# ---- positives: My Number ---------------------------------------------------
add('pos-myna', 'pii.mynumber,body.pii', 'My Number with spaces after the label',
    '個人番号のご提出', 'お客様の個人番号：%s %s %s\n{sig}' % ((lambda x: (x[:4], x[4:8], x[8:]))(mynumber('45120736815'))))
add('pos-myna', 'pii.mynumber,body.pii', 'My Number with hyphens, keyword on the line before',
    '支払調書用', '支払調書作成のためマイナンバーを記載します\n%s-%s-%s\n{sig}' % ((lambda x: (x[:4], x[4:8], x[8:]))(mynumber('80263419570'))))
add('pos-myna', 'pii.mynumber,body.pii', 'My Number with dots',
    'Re: 個人番号', '個人番号 %s.%s.%s です\n{sig}' % ((lambda x: (x[:4], x[4:8], x[8:]))(mynumber('37719024486'))))
add('pos-myna', 'pii.mynumber,body.pii', 'keyword about 200 characters before the number',
    '満期保険金の手続き', '満期保険金のお支払いにあたり、支払調書の提出が必要となるため、ご契約者様のマイナンバー（個人番号）をお伺いしました。'
    'ご本人確認書類として運転免許証の写しも頂戴しておりますが、こちらは別送いたします。お手数ですが、お支払い手続きの際にご利用いただき、'
    '手続き完了後は速やかに破棄していただきますようお願い申し上げます。なお、ご不明な点がございましたら担当までご連絡ください。\n\n'
    '%s\n\n{sig}' % mynumber('61058832947'))
add('pos-myna', 'pii.mynumber,body.pii', 'full-width My Number in a table',
    '番号確認', '| 区分 | 内容 |\n| 個人番号 | ' + fw(mynumber('29301657408')) + ' |\n{sig}')

# ---- positives: driver's licence and passport ------------------------------
add('pos-id', 'pii.drivers_license,body.pii', "driver's licence number",
    '運転者限定の確認', '記名被保険者の運転免許証番号：第 452108837160 号\n{sig}')
add('pos-id', 'pii.passport,pii.name,body.pii', 'passport number with a romaji name',
    'Passport details for travel cover', 'Passport No.: TR5820417\nSurname: MORISHITA  Given names: AOI\n{sig}')
add('pos-id', 'pii.drivers_license,body.pii', 'licence number in English',
    'Driver details', "Driver's licence number: 304912275581 (expires 2029).\n{sig}")
add('pos-id', 'pii.passport,body.pii', 'travel applicant passport, Japanese label',
    '海外旅行保険 申込', '申込者の旅券番号は MZ3307164 です。\n{sig}')

# ---- negatives --------------------------------------------------------------
T1 = corpnum('010401839270')
T2 = corpnum('020001176543')
add('neg-inv', '-', 'invoice with a T registration number and amounts',
    '11月分ご請求書送付のご案内', '北斗印刷株式会社 経理部 御中\n\nパンフレット印刷代のお支払いについてご連絡いたします。\n登録番号：T%s\n請求金額：128,700円（税込）\n支払予定日：2026年12月25日\n{sig}' % T1,
    to='keiri@hokuto-print.example')
add('neg-inv', '-', 'order with order number and quantities',
    '名入れカレンダー発注', 'ご担当者様\n\n下記のとおり発注いたします。\n注文番号：PO-2026-11873\n品名：2027年卓上カレンダー 300部\n単価：245円 / 合計 73,500円\n納期：12月18日\n{sig}',
    to='order@hokuto-print.example')
add('neg-inv', '-', 'corporate number of the firm in a registration form',
    '代理店登録情報の更新', '当社の法人番号は %s です。\n資本金 1,000万円、従業員数 14名。\n{sig}' % T2)
add('neg-inv', '-', 'tracking numbers of a shipment',
    '書類発送のご連絡', '申込書原本を本日発送しました。\n伝票番号：4418-2290-7135（やまびこ運輸）\nお問い合わせ番号 6602 1184 3377\n{sig}')
add('neg-inv', '-', 'quotation table pasted from Excel with amounts and dates',
    '見積比較', 'プラン\t年間保険料\t始期日\n火災A\t48,200\t2027/01/01\n火災B\t55,900\t2027/01/01\n地震特約\t21,300\t2027/04/01\n{sig}')
add('neg-inv', '-', 'invoice registration number with hyphens and bank of the supplier',
    'Re: 請求書の再発行', '再発行分を確認しました。\n貴社登録番号 T%s-%s-%s、振込手数料は当社負担です。\n{sig}' % (T1[:1], T1[1:5], T1[5:]),
    to='keiri@hokuto-print.example')

add('neg-own', '-', "firm's own phone and postal code in the body",
    'ご来店予約の確認', '東邦海上 研修課 御中\n\n研修会場は当社本店です。\n〒231-0806 横浜市中区本牧町二丁目 88-4 みなと橋ビル3F\n代表 045-671-3390 までお電話ください。\n{sig}')
add('neg-own', '-', "firm's signature only in an HTML alternative",
    '打合せの御礼', '本日はありがとうございました。\n{sig}', html='<p>本日はありがとうございました。</p>\n<p>{sig}</p>')
add('neg-own', '-', "firm's own contact details in an HTML table",
    '年末年始の営業について', '年末年始は12/29-1/4休業します。\n{sig}',
    html='<table><tr><td>休業期間</td><td>12/29-1/4</td></tr><tr><td>緊急連絡先</td><td>045-671-3390</td></tr>'
         '<tr><td>所在地</td><td>〒231-0806 横浜市中区本牧町二丁目 88-4</td></tr></table>\n{sig}')
add('neg-own', '-', 'short mobile reply with the signature only',
    'Re: 明日', '承知しました。10時に伺います。\n{sig}')
add('neg-own', '-', 'greeting to the recipient by name (not a customer)',
    'ご挨拶', '東邦海上 横浜支店 稲垣様\n\nこのたびご担当となられたとのこと、今後ともよろしくお願いいたします。\n{sig}')

add('neg-partner', '-', "insurer's claims desk phone and address",
    '事故受付窓口のご案内', 'お客様へのご案内用に、東邦海上 事故受付センター 0120-338-417（24時間）\n〒100-0005 東京都千代田区丸の内九丁目 3-1 を記載します。\n{sig}')
add('neg-partner', '-', "supplier's contact details",
    '印刷会社の連絡先', '北斗印刷の窓口は 営業部 仁藤 課長、TEL 03-5211-4470、〒162-0825 東京都新宿区神楽坂七丁目 22 です。\n{sig}')
add('neg-partner', '-', 'partner staff e-mail addresses in a CC list',
    '担当者変更', '今後は sato.k@tohokaijo.example と ito.m@tohokaijo.example にもCCします。\n{sig}')
add('neg-partner', '-', 'English mail to a reinsurer with its office address',
    'Meeting on 14 January', 'Dear Mr Bakker,\n\nThank you for the invitation. We will visit your office at 2-1 Marunouchi Nine, Chiyoda-ku on January 14th, 2027 at 10:00.\nKind regards,\n{sig}',
    to='j.bakker@northsea-re.example')

add('neg-notice', '-', 'seminar on cancer insurance (illness in general)',
    'がん保険セミナーのご案内', '日本人の2人に1人ががんと診断される時代です。\n通院治療や先進医療に備える保険について解説します。\n日時：2027年1月20日 14:00-15:30\n会場：みなと橋ビル3F\n{sig}')
add('neg-notice', '-', 'product notice on crime-victim cover (no person)',
    '新商品：犯罪被害補償特約', '空き巣・ひったくりなど犯罪被害に遭われた場合の見舞金を補償する特約が発売されました。\n労働組合向けの団体割引もあります。\n{sig}')
add('neg-notice', '-', 'newsletter about health and hospitalisation statistics',
    'みなと橋通信 12月号', '■今月のトピック\n平均入院日数は年々短くなり、手術も日帰りが増えています。\n■保険Q&A\n服薬中でも入れる保険はありますか？→告知内容によります。\n配信停止はこちら：https://news.minatobashi-ins.example/stop\n{sig}')
add('neg-notice', '-', 'English newsletter mentioning medical history in general',
    'Newsletter: health declarations', 'Why your medical history matters: insurers ask about diagnosis and treatment in the last 5 years.\nJoin our webinar on February 3rd, 2027.\n{sig}')
add('neg-notice', '-', 'compliance training on 要配慮個人情報 (definitions only)',
    '研修資料送付', '要配慮個人情報（人種、信条、病歴、犯罪の経歴、犯罪被害、本籍地など）の取扱いについての研修資料です。\n{sig}')
add('neg-notice', '-', 'religion and union in a general survey announcement',
    'アンケートご協力のお願い', '従業員満足度アンケートを実施します。宗教・労働組合加入の有無などは質問しません。\n回答期限：12月20日\n{sig}')

add('neg-quote', '-', 'reply quoting an Outlook header of the partner',
    'RE: 代理店会議の資料', '資料拝受しました。ありがとうございます。\n{sig}\n\n'
    '-----Original Message-----\nFrom: 稲垣 聡 <inagaki.s@tohokaijo.example>\nSent: Friday, December 4, 2026 5:12 PM\nTo: kiryu@' + FIRM + '\nSubject: 代理店会議の資料\n\n'
    '来週の会議資料をお送りします。\n東邦海上 横浜支店 TEL 045-222-8810\n')
add('neg-quote', '-', 'Japanese Outlook header (差出人/送信日時) quoted',
    'RE: 見積依頼', '承知しました。月曜に回答します。\n{sig}\n\n'
    '差出人: 仁藤 敏之 <nito@hokuto-print.example>\n送信日時: 2026年12月3日 10:41\n宛先: 大槻 美緒\n件名: 見積依頼\n\n'
    'チラシ5,000部の見積を添付します。\n北斗印刷 03-5211-4470\n', to='nito@hokuto-print.example')
add('neg-quote', '-', 'forwarded chain between firm staff and insurer',
    'FW: 研修日程', '転送します。ご確認ください。\n{sig}\n\n'
    '---------- Forwarded message ---------\nFrom: あおば生命 研修担当 <kenshu@aoba-life.example>\nDate: 2026年12月1日(火) 9:02\n\n'
    '1月研修は 1/21(木) 13:00 から、会場は 〒220-0012 横浜市西区みなとみらい十丁目 5 です。\n', to='kenshu@aoba-life.example')

add('neg-misc', '-', 'meeting dates in English and Japanese era (no person)',
    '来期スケジュール', '令和9年4月1日 新年度開始\n1st April 2027: new fiscal year\n昭和六十年創業の当社も42年目となります。\n{sig}')
add('neg-misc', '-', 'policy numbers and product codes only',
    '証券番号の一覧', '証券番号 TK-8830012、TK-8830013 の更改手続きは完了しました。\n商品コード FR-22\n{sig}')
add('neg-misc', '-', 'statistics table with counts',
    '月次実績', '新規\t42件\n更改\t118件\n解約\t6件\n収保 12,480,000円\n{sig}')
add('neg-misc', '-', 'job posting with a generic phone of a recruitment firm',
    '求人掲載の依頼', '求人媒体への掲載をお願いします。応募先：採用窓口 045-671-3390（当社代表）\n{sig}', to='ads@kyujin-media.example')
add('neg-misc', '-', 'English mail with invoice and corporate number',
    'Invoice 2026-118', 'Please find our invoice details. Corporate Number: %s. Amount due: JPY 352,000 by December 28th, 2026.\n{sig}' % T2,
    to='ap@northsea-re.example')
add('neg-misc', '-', 'event notice with a partner venue phone and URL',
    '懇親会のご案内', '会場：ホテル本牧ベイ 2F「潮騒」 TEL 045-629-1100\nhttps://hotel-honmoku.example/access\n{sig}')
add('neg-misc', '-', 'Postfix-like short ack in English',
    'Re: schedule', 'OK, see you at 3pm.\n{sig}', to='j.bakker@northsea-re.example')
add('neg-misc', '-', 'password notice for a separately sent file (no data)',
    '別送ファイルのパスワード', '先ほどお送りしたファイルのパスワードは別途お電話でお伝えします。\n{sig}')

add('pos-myna', 'pii.mynumber,pii.name,body.pii', 'My Number in a tab-separated row, keyword in the header line',
    '扶養親族の番号', '氏名\t続柄\t個人番号\n石動 美紀\t配偶者\t%s\n{sig}' % mynumber('70428815362'))
add('neg-quote', '-', 'reply quoting an English Outlook header with the partner signature',
    'RE: Renewal terms', 'Thank you, the terms are acceptable.\n{sig}\n\n'
    'From: Jan Bakker <j.bakker@northsea-re.example>\nSent: Thursday, December 3, 2026 11:20 AM\nTo: Rina Takasu\nSubject: Renewal terms\n\n'
    'Please see the renewal terms attached.\nNorthsea Re Tokyo Branch | +81 3 6206 4410\n', to='j.bakker@northsea-re.example')
add('neg-quote', '-', 'deep quoted thread with > marks and dates only',
    'Re: Re: 打合せ日程', '15日でお願いします。\n{sig}\n\n> 12月15日(火) 14時か 16日(水) 10時でいかがでしょうか。\n>> 来週どこかでお時間いただけますか。\n')
add('neg-own', '-', "firm's postal code and phone written in prose in the body",
    '郵送先のご案内', '書類は当社宛（231-0806 横浜市中区本牧町二丁目88-4）にご返送ください。受付時間内は045-671-3390で承ります。\n{sig}')
add('neg-partner', '-', "insurer's branch list in a table",
    '各支店連絡先', '支店\t電話\n横浜\t045-222-8810\n川崎\t044-211-5032\n相模原\t042-755-6104\n{sig}')
add('neg-partner', '-', "partner's web form URL and support e-mail",
    '代理店システムの問合せ先', '東邦海上 代理店サポート agent-support@tohokaijo.example（平日9-17時）\nhttps://agent.tohokaijo.example/help\n{sig}')
add('neg-inv', '-', 'payment notice with several T numbers of suppliers',
    '支払予定一覧', '支払先\t登録番号\t金額\n北斗印刷\tT%s\t128,700\n本牧ベイ\tT%s\t64,350\n{sig}' % (T1, corpnum('083001952214')))
add('neg-inv', '-', 'delivery note with a 13-digit JAN code and lot numbers',
    '納品書', '品名：ノベルティタオル JAN 4901234567894 ロット L2611-07 数量 500\n{sig}', to='order@hokuto-print.example')
add('neg-misc', '-', 'office move announcement with old and new firm address',
    '事務所移転のお知らせ', '2027年2月1日より下記へ移転します。\n新：〒231-0806 横浜市中区本牧町二丁目 88-4 みなと橋ビル3F\n旧：〒231-0023 横浜市中区山下町 301-2\n{sig}')
add('neg-misc', '-', 'English seminar with dates in ordinal form, no person',
    'Seminar: cyber insurance', 'Date: Thursday, the 21st of January 2027\nVenue: Minatobashi Bldg. 3F\nFee: free\n{sig}')
add('neg-misc', '-', 'product leaflet text on disability and hospital cover (general)',
    '就業不能保険パンフレット文案', '病気やケガで働けなくなったとき、障害状態になったときに月々の給付金をお支払いします。入院・通院どちらも対象です。\n{sig}', to='order@hokuto-print.example')


def main():
    os.makedirs(os.path.join(HERE, 'messages'), exist_ok=True)
    for f in os.listdir(os.path.join(HERE, 'messages')):
        os.remove(os.path.join(HERE, 'messages', f))
    lines = ['# Third held-out personal-data set of omamori (see README for the references).',
             '# Made by gen.py; do not edit by hand.  Not for tuning rules.',
             '#',
             '# covers: pii.mynumber pii.bank_account pii.phone pii.email pii.postal_code pii.address '
             'pii.birthdate pii.name pii.passport pii.drivers_license sensitive body.pii',
             '# config: omamori.conf',
             '#']
    for i, (name, labels, note, subject, body, to, html) in enumerate(M):
        write(name, subject, body, to, i, html)
        lines.append('%s\t%s\t-\t%s' % (name, labels, note))
    with open(os.path.join(HERE, 'labels.tsv'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
