# benign.py - the ordinary half of tests/evaluation/attack (read by gen.py)
#
# Inbound mail an insurance agency really gets: insurers' notices,
# customers (many on free mail or carrier mail), customer firms, vendors,
# newsletters, genuine delivery, bank and card notices, foreign partners.
# Several carry ONE weak indicator (free mail, a lure-like topic) and must
# not be tagged; a few are hard negatives for one indicator (noted).
# Names, numbers and .example domains are invented; the brand domains of
# genuine notices are the brands' real ones, with invented mailboxes.

from gen import Msg, Att
from lures import (F, S, U, L, K, C, T, X, D, R, LS, TANAKA, SATO, SUZUKI,
                   YAMAMOTO, INFO, EIGYO, KANRI)

WANG = ("王 麗華", "wang@sakura-hoken.example")
KEIRI = (None, "keiri@sakura-hoken.example")


def ok(name, cats, frm, to, subject, **kw):
    return Msg(name, "benign", cats, frm, to, subject, **kw)


MESSAGES = [

# ---------------------------------------------------------------- insurers

ok("benign-001-towa-kaitei.eml", [],
   ("東和損害保険 代理店サポート", "dairiten-support@towa-sonpo.example"), [TANAKA],
   "【東和損保】4月1日付 自動車保険 商品改定のご案内",
   note="insurer's product revision notice, matching signature",
   text="""
   代理店 各位

   平素は格別のご高配を賜り、厚く御礼申し上げます。
   2025年4月1日以降始期の自動車保険につきまして、下記のとおり
   商品改定を実施いたします。

   1. 運転者年齢条件の区分見直し
   2. 車両保険の免責金額の選択肢追加
   3. 弁護士費用特約の補償範囲拡大

   詳細は代理店向けサイトに掲載の改定概要をご覧ください。

   --
   東和損害保険株式会社 代理店サポートセンター
   TEL 0120-555-031（平日 9:00〜17:00）
   dairiten-support@towa-sonpo.example
   """),

ok("benign-002-towa-news-redirect.eml", [],
   ("東和損保 代理店ニュース", "news@towa-sonpo.example"), [TANAKA],
   "東和損保 代理店ニュース 2025年4月号",
   charset="utf-8",
   note="newsletter: URL text goes through a click-tracking host of the same registrable domain; こちら anchor",
   anchors=[("https://click.towa-sonpo.example/r/?u=agency%2Fnews%2F2025%2F04&m=77120",
             "https://www.towa-sonpo.example/agency/news/2025/04"),
            ("https://click.towa-sonpo.example/r/?u=agency%2Fseminar&m=77120", "こちら"),
            ("https://www.towa-sonpo.example/agency/unsubscribe", "配信停止")],
   text="""
   東和損保 代理店ニュース 2025年4月号

   ■ 今月の記事
   ・新年度の販売方針について
   ・自然災害への備え 火災保険の見直しポイント
   ・代理店向け研修会のスケジュール

   記事の全文は代理店サイトでご覧いただけます。
   https://www.towa-sonpo.example/agency/news/2025/04

   東和損害保険株式会社 代理店営業推進部
   """,
   html_body="""
   <html><head><meta charset="utf-8"></head><body>
   <h2>東和損保 代理店ニュース 2025年4月号</h2>
   <p>■ 今月の記事<br>
   ・新年度の販売方針について<br>
   ・自然災害への備え 火災保険の見直しポイント<br>
   ・代理店向け研修会のスケジュール</p>
   <p>記事の全文は代理店サイトでご覧いただけます。<br>{a0}</p>
   <p>研修会のお申し込みは{a1}から。</p>
   <p>東和損害保険株式会社 代理店営業推進部<br>{a2}</p>
   </body></html>
   """),

ok("benign-003-hokuto-kenshu.eml", [],
   ("北斗生命 代理店営業部 小野", "ono@hokuto-life.example"), [TANAKA, SATO],
   "代理店研修会開催のご案内（5月）",
   charset="iso-2022-jp",
   cc=[SUZUKI],
   note="partner life insurer's training invitation",
   text="""
   さくら保険サービス株式会社
   田中様、佐藤様

   いつも大変お世話になっております。北斗生命の小野でございます。
   5月の代理店研修会を下記のとおり開催いたします。

   日時：5月15日（木）13:30〜16:30
   会場：北斗生命 東京本社 8階会議室
   内容：相続対策としての生命保険の活用

   ご出席の可否を5月8日までにご返信いただけますと幸いです。

   ――――――――――――――――――
   北斗生命保険株式会社 代理店営業部
   小野 真由美
   TEL 03-5555-0311 / FAX 03-5555-0312
   ono@hokuto-life.example
   ――――――――――――――――――
   """),

ok("benign-004-hokuto-koushin-xlsx.eml", [],
   ("北斗生命 代理店営業部 小野", "ono@hokuto-life.example"), [SATO],
   "5月更改対象契約リストの送付",
   charset="iso-2022-jp",
   note="ordinary xlsx attachment from a known partner",
   attach=[Att("更改対象リスト_2025年5月.xlsx", "xlsx",
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               style="2047", charset="iso-2022-jp")],
   text="""
   佐藤様

   お世話になっております。北斗生命の小野です。
   5月に更改時期を迎えるご契約のリストを添付いたします。
   パスワードは別途お電話でお伝えいたします。

   よろしくお願いいたします。

   北斗生命保険株式会社 代理店営業部
   小野 真由美
   ono@hokuto-life.example
   """),

ok("benign-005-tokiomarine-maint.eml", [],
   ("東京海上日動 代理店システム", "agency-system@tokiomarine-nichido.co.jp"), [TANAKA],
   "【東京海上日動】代理店システム 定期メンテナンスのお知らせ",
   charset="iso-2022-jp",
   note="genuine insurer notice from its real domain, link to the real domain",
   text="""
   代理店 各位

   下記の日程で代理店システムの定期メンテナンスを実施いたします。
   メンテナンス中はシステムをご利用いただけません。

   日時：4月19日（土）22:00 〜 4月20日（日）6:00

   メンテナンスの詳細は弊社ホームページでもご案内しております。
   https://www.tokiomarine-nichido.co.jp/

   東京海上日動火災保険株式会社
   """),

ok("benign-006-sompo-same-url.eml", [],
   ("損保ジャパン 代理店営業部", "agency-news@sompo-japan.co.jp"), [TANAKA],
   "【損保ジャパン】新商品発売のお知らせ",
   charset="utf-8",
   note="genuine insurer HTML mail; anchor text and href are the same URL",
   anchors=[("https://www.sompo-japan.co.jp/", "https://www.sompo-japan.co.jp/")],
   html_body="""
   <html><head><meta charset="utf-8"></head><body>
   <p>代理店 各位</p>
   <p>6月1日より、中小企業向けの新しい総合保険を発売いたします。<br>
   商品パンフレットは弊社ホームページに順次掲載いたします。</p>
   <p>{a0}</p>
   <p>損害保険ジャパン株式会社 代理店営業部</p>
   </body></html>
   """),

ok("benign-007-aioi-nissay-token.eml", [],
   ("あいおいニッセイ同和損保 代理店推進部", "dairiten-info@aioinissaydowa.co.jp"), [TANAKA],
   "代理店表彰制度のご案内",
   charset="shift_jis",
   note="genuine link to aioinissaydowa.co.jp (contains another brand's token nissay)",
   text="""
   代理店 各位

   2025年度の代理店表彰制度の概要が決まりましたのでお知らせいたします。
   詳細は弊社ホームページの代理店向けページをご覧ください。

   https://www.aioinissaydowa.co.jp/

   あいおいニッセイ同和損害保険株式会社 代理店推進部
   """),

ok("benign-008-msins-subdomain.eml", [],
   ("三井住友海上 代理店サポート", "agency-info@ms-ins.com"), [TANAKA],
   "【三井住友海上】約款改定のお知らせ",
   charset="utf-8",
   note="anchor text www.ms-ins.com, href on another host of the same registrable domain",
   anchors=[("https://agency.ms-ins.com/yakkan/2025", "www.ms-ins.com")],
   html_body="""
   <html><head><meta charset="utf-8"></head><body>
   <p>代理店 各位</p>
   <p>2025年7月1日以降始期の契約について、約款を一部改定いたします。<br>
   改定内容は代理店サイト（{a0}）に掲載しております。</p>
   <p>三井住友海上火災保険株式会社</p>
   </body></html>
   """),

ok("benign-009-daiichi-seminar.eml", [],
   ("第一生命 法人営業部", "hojin-eigyo@dai-ichi-life.co.jp"), [YAMAMOTO],
   "法人向け福利厚生セミナーのご案内",
   charset="iso-2022-jp",
   note="genuine life insurer seminar invitation, real domain",
   text="""
   山本 様

   いつもお世話になっております。
   中小企業の経営者様向けに、福利厚生制度の設計をテーマとした
   セミナーを開催いたします。お客様へのご案内にご活用ください。

   日時：6月4日（水）15:00〜16:30
   申込：https://www.dai-ichi-life.co.jp/

   第一生命保険株式会社 法人営業部
   """),

# ---------------------------------------------------------------- private customers

ok("benign-010-customer-gmail-address.eml", [F],
   ("小林 さやか", "sayaka.kobayashi.0312@gmail.com"), [SATO],
   "自動車保険の住所変更について",
   charset="iso-2022-jp",
   note="private customer on gmail, one weak indicator",
   text="""
   さくら保険サービス
   佐藤様

   いつもお世話になっております。小林です。
   先月引っ越しをしましたので、自動車保険の住所を変更したいです。
   必要な手続きを教えていただけますか。

   よろしくお願いします。
   小林 さやか
   """),

ok("benign-011-customer-yahoo-photo.eml", [F],
   ("吉田 正", "t.yoshida_1960@yahoo.co.jp"), [SUZUKI],
   "雨漏りの被害写真をお送りします",
   charset="shift_jis",
   note="customer on yahoo sending ordinary jpg photos",
   attach=[Att("IMG_4021.jpg", "jpg", "image/jpeg"),
           Att("IMG_4022.jpg", "jpg", "image/jpeg")],
   text="""
   鈴木さん

   先日お電話した吉田です。
   台風のあと、二階の天井から雨漏りがしています。
   写真を2枚送りますので、火災保険で対象になるか見ていただけますか。

   吉田
   """),

ok("benign-012-customer-icloud-en.eml", [F],
   ("Michael Brown", "mbrown.tokyo@icloud.com"), [YAMAMOTO],
   "Question about my car insurance renewal",
   charset="us-ascii",
   note="expatriate customer on icloud, English",
   text="""
   Hello Yamamoto-san,

   My car insurance is up for renewal next month. Could you tell me
   whether the premium changes if I add my wife as a driver?
   She has held a Japanese licence for two years.

   Thank you,
   Michael Brown
   """),

ok("benign-013-customer-outlookjp-shoken.eml", [F],
   ("松本 恵", "megumi.matsumoto.home@outlook.jp"), [SATO],
   "保険証券の再発行のお願い",
   charset="utf-8",
   note="customer on outlook.jp asking for a policy document",
   text="""
   佐藤様

   お世話になっております。松本です。
   火災保険の保険証券が見当たらなくなってしまいました。
   再発行をお願いできますでしょうか。

   松本 恵
   megumi.matsumoto.home@outlook.jp
   """),

ok("benign-014-customer-hotmail-jiko.eml", [F],
   ("井上 大輔", "daisuke.inoue88@hotmail.co.jp"), [SUZUKI],
   "駐車場での接触事故のご報告",
   charset="iso-2022-jp",
   note="customer on hotmail reporting an accident with a photo",
   attach=[Att("バンパー.jpg", "jpg", "image/jpeg", style="2047", charset="iso-2022-jp")],
   text="""
   鈴木様

   本日、スーパーの駐車場でバックしている際に隣の車と接触してしまいました。
   相手の方とは連絡先を交換済みです。
   自分の車のバンパーの写真を添付します。
   今後の手続きについてご連絡をお願いします。

   井上 大輔
   """),

ok("benign-015-customer-docomo.eml", [],
   ("中島 和子", "kazuko-nakajima@docomo.ne.jp"), [SATO],
   "契約内容の確認",
   charset="shift_jis",
   note="customer on carrier mail (docomo.ne.jp is not free mail)",
   text="""
   佐藤さん

   中島です。
   傷害保険の入院日額がいくらだったか、教えてください。
   来月手術の予定があります。

   中島
   """),

ok("benign-016-customer-gmail-sig.eml", [F],
   ("石井 拓也", "takuya.ishii.design@gmail.com"), [YAMAMOTO],
   "事務所の賠償責任保険について",
   charset="utf-8",
   note="sole proprietor on gmail whose signature gives the same gmail address",
   text="""
   山本様

   お世話になります。デザイン事務所を営んでいる石井です。
   取引先から賠償責任保険への加入を求められました。
   個人事業主でも加入できるプランがあれば教えてください。

   --
   石井デザイン事務所
   石井 拓也
   TEL 090-5555-0714
   takuya.ishii.design@gmail.com
   """),

ok("benign-017-applicant-gmail.eml", [F, T],
   ("岡田 陽菜", "hina.okada.2001@gmail.com"), [INFO],
   "事務職の応募書類（履歴書）をお送りします",
   charset="iso-2022-jp",
   note="genuine applicant on gmail with a PDF: two weak indicators, tagging is the intended caution",
   attach=[Att("履歴書_岡田陽菜.pdf", "pdf", "application/pdf", style="2047", charset="iso-2022-jp")],
   text="""
   採用ご担当者様

   ハローワークの求人票を拝見し、事務職に応募いたしました岡田と申します。
   履歴書をPDFにてお送りいたします。
   面接の機会をいただけましたら幸いです。

   岡田 陽菜
   """),

ok("benign-018-customer-msn-pdf.eml", [F],
   ("長谷川 修", "osamu.hasegawa@msn.com"), [SUZUKI],
   "免許証の写しを送ります",
   charset="utf-8",
   note="customer on msn.com with an ordinary PDF",
   attach=[Att("menkyo.pdf", "pdf", "application/pdf")],
   text="""
   鈴木様

   長谷川です。ご依頼の書類をお送りします。
   ほかに必要なものがあればお知らせください。

   長谷川
   """),

# ---------------------------------------------------------------- customer firms

ok("benign-020-midori-sharyo.eml", [],
   ("みどり運輸 総務課 木村", "kimura@midori-unyu.example"), [SUZUKI],
   "車両入替に伴うフリート契約の変更依頼",
   charset="iso-2022-jp",
   note="fleet customer, ordinary xlsx",
   attach=[Att("車両入替一覧_2025年4月.xlsx", "xlsx",
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")],
   text="""
   さくら保険サービス株式会社
   鈴木様

   いつもお世話になっております。みどり運輸の木村です。
   4月に下記の車両を入れ替えますので、フリート契約の変更をお願いいたします。
   詳細は添付の一覧をご確認ください。

   ・入替 3台（2tトラック）
   ・廃車 1台

   ━━━━━━━━━━━━━━━━━━
   株式会社みどり運輸 総務課
   木村 達也
   TEL 048-555-0120
   kimura@midori-unyu.example
   ━━━━━━━━━━━━━━━━━━
   """),

ok("benign-021-aoba-kouji.eml", [],
   ("青葉工務店 山口", "yamaguchi@aoba-komuten.example"), [EIGYO],
   "工事保険のお見積りのお願い",
   charset="shift_jis",
   note="builder asking for a quote",
   text="""
   さくら保険サービス 御中

   青葉工務店の山口です。
   6月着工予定の店舗改装工事について、工事保険のお見積りをお願いします。
   請負金額は約4,800万円、工期は4か月の予定です。

   有限会社青葉工務店
   山口 誠司
   yamaguchi@aoba-komuten.example
   """),

ok("benign-022-clinic-baisho.eml", [],
   ("桜ヶ丘クリニック 事務長 西村", "nishimura@sakuragaoka-clinic.example"), [TANAKA],
   "医師賠償責任保険の更新について",
   charset="utf-8",
   note="clinic customer, renewal question",
   text="""
   田中様

   桜ヶ丘クリニックの西村です。
   医師賠償責任保険の更新時期が近づいてまいりました。
   今年から非常勤医師が1名増えますので、補償内容の見直しについて
   ご相談させてください。

   医療法人社団 桜ヶ丘クリニック
   事務長 西村 圭介
   nishimura@sakuragaoka-clinic.example
   """),

ok("benign-023-maruyama-csv.eml", [],
   ("丸山製作所 総務部 森", "mori@maruyama-ss.example"), [SUZUKI],
   "傷害保険 加入者追加のお願い",
   charset="iso-2022-jp",
   note="customer firm with an ordinary csv",
   attach=[Att("kanyusha_tsuika.csv", "csv", "text/csv")],
   text="""
   鈴木様

   いつもお世話になっております。丸山製作所の森です。
   4月入社の社員を団体傷害保険に追加したく、一覧を添付いたします。
   手続きをよろしくお願いいたします。

   株式会社丸山製作所 総務部
   森 恵子
   mori@maruyama-ss.example
   """),

ok("benign-024-maruyama-reply-quote.eml", [],
   ("丸山製作所 総務部 森", "mori@maruyama-ss.example"), [SUZUKI],
   "Re: 傷害保険 加入者追加のお願い",
   charset="iso-2022-jp",
   note="reply that quotes our own signature (internal address in quoted lines)",
   text="""
   鈴木様

   ご連絡ありがとうございます。承知いたしました。
   保険料の差額は来月分と合わせてお支払いいたします。

   森

   > 森様
   >
   > 加入者追加の手続きが完了いたしました。
   > 追加保険料は月額1,240円となります。
   >
   > --
   > さくら保険サービス株式会社
   > 鈴木 健太
   > suzuki@sakura-hoken.example
   """),

ok("benign-025-kokyaku-two-addrs.eml", [],
   ("株式会社こきゃく商会 経理部 原田", "harada@kokyaku.example"), [KEIRI],
   "保険料の口座振替について",
   charset="utf-8",
   note="signature lists a second mailbox at the same domain",
   text="""
   さくら保険サービス株式会社
   経理ご担当者様

   こきゃく商会の原田です。
   来月より保険料の引き落とし口座を変更したいと考えております。
   必要な書類をお送りいただけますでしょうか。

   ----------------------------------------
   株式会社こきゃく商会 経理部
   原田 美穂
   harada@kokyaku.example
   経理部共通：keiri@kokyaku.example
   ----------------------------------------
   """),

ok("benign-026-kokyaku-subdomain.eml", [],
   ("こきゃく商会 山田", "yamada@mail.kokyaku.example"), [TANAKA],
   "社用車の追加について",
   charset="iso-2022-jp",
   note="From on a subdomain, signature on the parent domain (same organisation)",
   text="""
   田中様

   お世話になっております。こきゃく商会の山田です。
   来週、営業用の車を1台追加しますので、保険の手配をお願いします。
   車検証の写しは明日お送りします。

   --
   株式会社こきゃく商会 営業部
   山田 健一
   yamada@kokyaku.example
   """),

ok("benign-027-forward-original.eml", [],
   ("こきゃく商会 原田", "harada@kokyaku.example"), [SATO],
   "Fw: 社員旅行の旅行保険について",
   charset="utf-8",
   note="forwarded message: the original sender's signature sits below the Original Message line",
   text="""
   佐藤様

   社員旅行の幹事からの問い合わせを転送します。
   国内旅行傷害保険の団体加入は可能でしょうか。

   原田

   -----Original Message-----
   From: 幹事 小田 <oda@travel-kanji.example>
   Sent: Monday, April 7, 2025 10:12 AM
   To: harada@kokyaku.example
   Subject: 社員旅行の旅行保険について

   原田さん

   6月の社員旅行（32名）の旅行保険について、代理店さんに確認をお願いします。

   小田
   oda@travel-kanji.example
   """),

# ---------------------------------------------------------------- vendors

ok("benign-030-miraioa-seikyusho.eml", [T],
   ("ミライOA 経理部", "keiri@mirai-oa.example"), [KEIRI],
   "3月分 ご請求書送付のご案内",
   charset="iso-2022-jp",
   note="genuine invoice from a known vendor with a PDF: theme alone",
   attach=[Att("請求書_2025年3月分.pdf", "pdf", "application/pdf", style="2047",
               charset="iso-2022-jp")],
   text="""
   さくら保険サービス株式会社
   経理ご担当者様

   いつもお世話になっております。株式会社ミライOAでございます。
   複合機リース料およびカウンター料金の3月分請求書をお送りいたします。
   お支払いは従来どおり4月末日までにお願いいたします。

   ---------------------------------
   株式会社ミライOA 経理部
   TEL 03-5555-0230
   keiri@mirai-oa.example
   ---------------------------------
   """),

ok("benign-031-kumo-maint.eml", [],
   ("クモシステムズ サポート", "support@kumo-systems.example"), [KANRI],
   "メールサーバー定期メンテナンスのお知らせ",
   charset="iso-2022-jp",
   note="IT vendor maintenance notice",
   text="""
   さくら保険サービス株式会社
   ご担当者様

   平素は弊社ホスティングサービスをご利用いただきありがとうございます。
   下記の日程でメールサーバーの定期メンテナンスを実施いたします。

   日時：4月26日（土）1:00〜3:00
   影響：作業中、メールの送受信が最大30分程度遅延する場合があります

   株式会社クモシステムズ サポートセンター
   support@kumo-systems.example
   """),

ok("benign-032-kirei-clean.eml", [],
   ("きれいクリーン 営業 中川", "nakagawa@kirei-clean.example"), [KANRI],
   "5月の定期清掃日程について",
   charset="shift_jis",
   note="cleaning contractor schedule",
   text="""
   さくら保険サービス株式会社
   総務ご担当者様

   いつもご利用ありがとうございます。きれいクリーンの中川です。
   5月の定期清掃は、5月17日（土）9:00からを予定しております。
   ご都合が悪い場合はお知らせください。

   株式会社きれいクリーン 中川
   nakagawa@kirei-clean.example
   """),

ok("benign-033-yamakawa-tax.eml", [],
   ("山川税理士事務所 山川", "yamakawa@yamakawa-tax.example"), [KANRI],
   "源泉所得税の納付期限について",
   charset="iso-2022-jp",
   note="tax accountant citing the real nta.go.jp",
   text="""
   さくら保険サービス株式会社
   管理ご担当者様

   いつもお世話になっております。山川税理士事務所の山川です。
   納期の特例を受けている源泉所得税の納付期限は7月10日です。
   手続きの概要は国税庁のホームページもご参照ください。

   https://www.nta.go.jp/taxes/shiraberu/

   山川税理士事務所
   税理士 山川 聡
   yamakawa@yamakawa-tax.example
   """),

ok("benign-034-office-supply.eml", [],
   ("オフィス用品のはやて", "order@hayate-office.example"), [KANRI],
   "ご注文の商品を発送いたしました",
   charset="utf-8",
   note="office supply dispatch notice (no lure topic words)",
   text="""
   さくら保険サービス株式会社 様

   このたびはご注文いただきありがとうございます。
   本日、ご注文の商品を発送いたしました。

   ご注文番号：H-20250411-0387
   商品：コピー用紙 A4（5箱）、ボールペン 黒（10本）

   オフィス用品のはやて
   order@hayate-office.example
   """),

ok("benign-035-sharoushi-jinji.eml", [T],
   ("加藤社会保険労務士事務所", "info@sr-office-kato.example"), [KANRI],
   "人事異動に伴う社会保険の手続きについて",
   charset="iso-2022-jp",
   note="genuine labour consultant on personnel changes: theme alone",
   text="""
   さくら保険サービス株式会社
   ご担当者様

   加藤社会保険労務士事務所でございます。
   4月の人事異動に伴い、勤務地が変わる方の社会保険の手続きについて
   ご案内いたします。対象者の一覧をお送りいただけますでしょうか。

   加藤社会保険労務士事務所
   社会保険労務士 加藤 文子
   info@sr-office-kato.example
   """),

ok("benign-036-saas-password-reset.eml", [C],
   ("勤怠クラウド", "no-reply@kintai-cloud.example"), [SATO],
   "【勤怠クラウド】パスワードの再設定",
   charset="utf-8",
   note="genuine password reset the user asked for: one strong indicator, tagging is the accepted cost",
   anchors=[("https://app.kintai-cloud.example/reset?token=4f1c9a27e0", "パスワードを再設定する")],
   html_body="""
   <html><head><meta charset="utf-8"></head><body>
   <p>佐藤 美咲 様</p>
   <p>パスワードの再設定のリクエストを受け付けました。<br>
   下記のボタンから30分以内に新しいパスワードを設定してください。</p>
   <p>{a0}</p>
   <p>お心当たりがない場合は、このメールを破棄してください。</p>
   <p>勤怠クラウド サポート</p>
   </body></html>
   """),

ok("benign-037-thames-re-en.eml", [],
   ("Oliver Hughes", "o.hughes@thames-re.example"), [YAMAMOTO],
   "Renewal terms for the marine cargo open cover",
   charset="us-ascii",
   note="English broker in London, plain",
   text="""
   Dear Yamamoto-san,

   Further to our call, please find below the proposed renewal terms for
   your client's marine cargo open cover:

   - Rate: 0.045% on declared values
   - Deductible: JPY 100,000 each and every loss
   - Period: 12 months from 1 June 2025

   Kind regards,
   Oliver Hughes
   Thames Re Brokers Ltd
   o.hughes@thames-re.example
   """),

ok("benign-038-thames-re-invoice.eml", [T],
   ("Thames Re Accounts", "accounts@thames-re.example"), [KEIRI],
   "Invoice TR-2025-0419 for brokerage services",
   charset="us-ascii",
   note="genuine English invoice from a known partner: theme alone",
   attach=[Att("TR-2025-0419.pdf", "pdf", "application/pdf")],
   text="""
   Dear Sirs,

   Please find attached our invoice TR-2025-0419 for brokerage services
   in March 2025. Payment terms are 30 days.

   Accounts Department
   Thames Re Brokers Ltd
   accounts@thames-re.example
   """),

# ---------------------------------------------------------------- newsletters

ok("benign-040-hoken-mainichi-news.eml", [],
   ("保険毎日ニュース", "news@hoken-mainichi.example"), [TANAKA],
   "保険毎日ニュース 週刊ダイジェスト（4月第2週）",
   charset="utf-8",
   note="newsletter: URL-text anchors via the same registrable domain; brand names only in the path",
   anchors=[("https://click.hoken-mainichi.example/c?u=articles%2F2025%2F0410-kaitei",
             "https://www.hoken-mainichi.example/articles/2025/0410-kaitei"),
            ("https://www.hoken-mainichi.example/articles/tokiomarine-smbc-2025", "大手各社の決算まとめ"),
            ("https://www.hoken-mainichi.example/mypage/unsubscribe", "配信停止はこちら")],
   html_body="""
   <html><head><meta charset="utf-8"></head><body>
   <h1>保険毎日ニュース 週刊ダイジェスト</h1>
   <p>■ 自動車保険、来年度の参考純率改定の動き<br>{a0}</p>
   <p>■ {a1}</p>
   <p>■ 代理店の業務品質評価、見直しの方向性</p>
   <p>保険毎日ニュース編集部<br>{a2}</p>
   </body></html>
   """),

ok("benign-041-esp-newsletter.eml", [U],
   ("FPセミナー事務局", "seminar@fp-seminar.example"), [YAMAMOTO],
   "【FPセミナー】5月の開催スケジュール",
   charset="utf-8",
   note="genuine newsletter whose URL text goes through a mailing service's redirect on another domain: tagged by design",
   anchors=[("https://links.mail-delivery-service.example/ls/click?upn=fpsem-0501",
             "https://www.fp-seminar.example/schedule/2025-05"),
            ("https://links.mail-delivery-service.example/ls/click?upn=fpsem-unsub", "配信停止")],
   html_body="""
   <html><head><meta charset="utf-8"></head><body>
   <p>FPセミナー事務局です。5月の開催スケジュールをお知らせします。</p>
   <p>・5月10日 相続と生命保険<br>
   ・5月24日 法人保険の基礎</p>
   <p>詳細：{a0}</p>
   <p>{a1}</p>
   </body></html>
   """),

ok("benign-042-ipa-alert.eml", [T],
   ("IPA セキュリティセンター", "isec-news@ipa.go.jp"), [KANRI],
   "【注意喚起】ビジネスメール詐欺の手口について",
   charset="iso-2022-jp",
   note="genuine public-body security alert from its real domain: theme alone",
   text="""
   関係各位

   情報処理推進機構（IPA）セキュリティセンターです。
   取引先を装って振込口座の変更を求めるビジネスメール詐欺の被害が
   引き続き報告されています。口座変更の依頼を受けた場合は、
   メール以外の手段で取引先に確認してください。

   詳細：https://www.ipa.go.jp/security/

   独立行政法人情報処理推進機構 セキュリティセンター
   """),

ok("benign-043-kyokai-enquete.eml", [T],
   ("保険代理店協会 事務局", "jimukyoku@dairiten-kyokai.example"), [TANAKA],
   "会員アンケートご協力のお願い（2025年度）",
   charset="iso-2022-jp",
   note="genuine survey from the association the firm belongs to: theme alone",
   text="""
   会員各位

   保険代理店協会事務局です。
   今年度も会員の皆様の業務実態に関するアンケートを実施いたします。
   協会ホームページの会員ページからご回答ください。

   https://www.dairiten-kyokai.example/member/enquete/2025

   回答期限：5月16日（金）

   一般社団法人 保険代理店協会 事務局
   jimukyoku@dairiten-kyokai.example
   """),

ok("benign-044-fp-seminar-kochira.eml", [],
   ("FPセミナー事務局", "seminar@fp-seminar.example"), [SATO],
   "セミナーお申し込みありがとうございました",
   charset="shift_jis",
   note="こちら anchor to the sender's own site",
   anchors=[("https://www.fp-seminar.example/access", "こちら")],
   html_body="""
   <html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head>
   <body>
   <p>佐藤 美咲 様</p>
   <p>5月10日のセミナーへのお申し込みを受け付けました。<br>
   会場へのアクセスは{a0}をご覧ください。</p>
   <p>FPセミナー事務局</p>
   </body></html>
   """),

ok("benign-045-city-saigai.eml", [T],
   ("さくら市 危機管理課", "kikikanri@city-sakura.example"), [KANRI],
   "【さくら市】災害情報メール登録事業所の皆様へ",
   charset="iso-2022-jp",
   note="genuine city notice the firm subscribed to: theme alone",
   text="""
   災害情報メールにご登録の事業所の皆様

   さくら市危機管理課です。
   6月1日より、災害情報メールの配信内容に河川の水位情報を追加します。
   配信の停止や登録内容の変更は市のホームページから行えます。

   https://www.city-sakura.example/bousai/mail/

   さくら市 危機管理課
   """),

ok("benign-046-mhlw-kansensho.eml", [T],
   ("さくら区保健所", "hokenjo@city-sakura.example"), [KANRI],
   "事業所向け 感染症予防のお知らせ",
   charset="utf-8",
   note="genuine health-centre notice citing mhlw.go.jp: theme alone",
   text="""
   事業所の皆様

   さくら区保健所です。
   季節性インフルエンザなどの感染症の予防について、
   厚生労働省の資料を参考に職場での対策をお願いいたします。

   https://www.mhlw.go.jp/

   さくら区保健所 健康推進課
   """),

# ---------------------------------------------------------------- genuine delivery notices

ok("benign-050-yamato-genuine.eml", [T],
   ("ヤマト運輸", "mail@kuronekoyamato.co.jp"), [INFO],
   "ヤマト運輸 お荷物お届けのお知らせ",
   charset="shift_jis",
   note="genuine Yamato notice with the real tracking host: theme alone",
   text="""
   さくら保険サービス株式会社 様

   お荷物のお届け予定をお知らせします。

   伝票番号：4412-0917-3385
   お届け予定日時：4月15日 午前中

   お荷物の状況は下記でご確認いただけます。
   https://toi.kuronekoyamato.co.jp/cgi-bin/tneko

   ヤマト運輸株式会社
   """),

ok("benign-051-sagawa-genuine.eml", [T],
   ("佐川急便", "info@sagawa-exp.co.jp"), [INFO],
   "【佐川急便】配達予定のお知らせ",
   charset="utf-8",
   note="genuine Sagawa notice on its real domain: theme alone",
   anchors=[("https://k2k.sagawa-exp.co.jp/p/sagawa/web/okurijoinput.jsp",
             "https://k2k.sagawa-exp.co.jp/p/sagawa/web/okurijoinput.jsp")],
   html_body="""
   <html><head><meta charset="utf-8"></head><body>
   <p>さくら保険サービス株式会社 様</p>
   <p>お荷物の配達予定をお知らせいたします。<br>
   お問い合せ送り状No：3601-2244-9081<br>
   配達予定日：4月16日</p>
   <p>{a0}</p>
   <p>佐川急便株式会社</p>
   </body></html>
   """),

ok("benign-052-japanpost-genuine.eml", [T],
   ("日本郵便", "tracking@post.japanpost.jp"), [INFO],
   "【日本郵便】郵便物のお届け予定のお知らせ（配達予定）",
   charset="iso-2022-jp",
   note="genuine Japan Post notice on its real domain: theme alone",
   text="""
   さくら保険サービス株式会社 様

   お届け予定の郵便物があります。

   お問い合わせ番号：1234-5678-9012
   配達予定日：4月17日

   配達状況の確認：
   https://trackings.post.japanpost.jp/services/srv/search/

   日本郵便株式会社
   """),

ok("benign-053-amazon-genuine-ja.eml", [T],
   ("Amazon.co.jp", "shipment-tracking@amazon.co.jp"), [KANRI],
   "Amazon.co.jp ご注文の商品を発送しました",
   charset="utf-8",
   note="genuine Amazon notice: anchor text and href on amazon.co.jp; theme alone",
   anchors=[("https://www.amazon.co.jp/gp/css/order-history?ref=ship",
             "https://www.amazon.co.jp/gp/css/order-history")],
   html_body="""
   <html><head><meta charset="utf-8"></head><body>
   <p>さくら保険サービス株式会社 様</p>
   <p>ご注文の商品を発送しました。お荷物は4月18日に配達予定です。</p>
   <p>注文番号：250-4417720-1093381</p>
   <p>注文履歴：{a0}</p>
   <p>Amazon.co.jp</p>
   </body></html>
   """),

ok("benign-054-amazon-genuine-en.eml", [T],
   ("Amazon.co.jp", "shipment-tracking@amazon.co.jp"), [YAMAMOTO],
   "Your Amazon.co.jp order has shipped",
   charset="utf-8",
   note="genuine English shipping notice: theme alone",
   text="""
   Hello,

   Your order 250-8812204-5570139 has shipped.
   Estimated delivery: Friday, April 18.

   Track your package:
   https://www.amazon.co.jp/gp/css/order-history

   Amazon.co.jp
   """),

# ---------------------------------------------------------------- genuine bank and card notices

ok("benign-060-smbc-genuine.eml", [],
   ("三井住友銀行", "info@smbc.co.jp"), [KEIRI],
   "【三井住友銀行】振込入金のお知らせ",
   charset="utf-8",
   note="genuine bank notice, anchor text www.smbc.co.jp to a path on it",
   anchors=[("https://www.smbc.co.jp/hojin/", "www.smbc.co.jp")],
   html_body="""
   <html><head><meta charset="utf-8"></head><body>
   <p>いつも三井住友銀行をご利用いただき、ありがとうございます。</p>
   <p>お客さまの口座へ振込入金がありました。<br>
   入金日：4月10日　金額：1,280,000円</p>
   <p>お取引の詳細はインターネットバンキングでご確認ください。<br>{a0}</p>
   <p>株式会社三井住友銀行</p>
   </body></html>
   """),

ok("benign-061-mufg-warning.eml", [],
   ("三菱UFJ銀行", "info@bk.mufg.jp"), [KEIRI],
   "【三菱UFJ銀行】当行を装った不審なメールにご注意ください",
   charset="iso-2022-jp",
   note="hard negative for credential_request: the bank says it never asks for passwords",
   text="""
   いつも三菱UFJ銀行をご利用いただき、ありがとうございます。

   当行を装い、偽のログインページへ誘導するメールが確認されています。
   当行がメールでパスワード等の入力をお願いすることはございません。
   不審なメールのリンクは開かず、削除してください。

   当行の公式サイト：
   https://www.bk.mufg.jp/

   株式会社三菱UFJ銀行
   """),

ok("benign-062-mizuho-genuine.eml", [],
   ("みずほ銀行", "mizuho-direct@mizuhobank.co.jp"), [KEIRI],
   "【みずほ銀行】振込受付のお知らせ",
   charset="shift_jis",
   note="genuine bank notice on the real domain",
   text="""
   みずほビジネスWEBをご利用いただきありがとうございます。
   下記のお振込を受け付けました。

   受付日：4月11日
   振込先：株式会社ミライOA
   金額：86,460円

   https://www.mizuhobank.co.jp/

   株式会社みずほ銀行
   """),

ok("benign-063-yucho-genuine.eml", [],
   ("ゆうちょ銀行", "direct@jp-bank.japanpost.jp"), [KEIRI],
   "【ゆうちょ銀行】送金完了のお知らせ",
   charset="iso-2022-jp",
   note="genuine Japan Post Bank notice; jp-bank.japanpost.jp is its own host",
   text="""
   ゆうちょダイレクトをご利用いただきありがとうございます。
   送金手続きが完了しました。

   https://www.jp-bank.japanpost.jp/

   株式会社ゆうちょ銀行
   """),

ok("benign-064-example-bank-login.eml", [],
   ("エグザンプル銀行", "info@example-bank.example"), [KEIRI],
   "【エグザンプル銀行】法人向けサービス改定のお知らせ",
   charset="utf-8",
   note="anchor text www.example-bank.example, href https://www.example-bank.example/login: no mismatch",
   anchors=[("https://www.example-bank.example/login", "www.example-bank.example")],
   html_body="""
   <html><head><meta charset="utf-8"></head><body>
   <p>法人のお客さま各位</p>
   <p>6月より法人向けインターネットバンキングの手数料体系を改定いたします。<br>
   改定後の手数料は当行ウェブサイト（{a0}）に掲載しております。</p>
   <p>株式会社エグザンプル銀行</p>
   </body></html>
   """),

ok("benign-065-jcb-genuine.eml", [],
   ("MyJCB", "mail@qa.jcb.co.jp"), [KANRI],
   "【MyJCB】カードご利用代金明細のお知らせ",
   charset="utf-8",
   note="genuine card notice linking to my.jcb.co.jp",
   text="""
   JCB法人カードをご利用いただきありがとうございます。
   4月分のご利用代金明細を作成しました。
   MyJCBでご確認いただけます。

   https://my.jcb.co.jp/

   株式会社ジェーシービー
   """),

ok("benign-066-rakuten-genuine.eml", [],
   ("楽天カード", "info@mail.rakuten-card.co.jp"), [SUZUKI],
   "【楽天カード】カード利用のお知らせ",
   charset="utf-8",
   note="genuine card notice on rakuten-card.co.jp",
   anchors=[("https://www.rakuten-card.co.jp/e-navi/", "楽天e-NAVI")],
   html_body="""
   <html><head><meta charset="utf-8"></head><body>
   <p>楽天カードをご利用いただきありがとうございます。</p>
   <p>ご利用日：4月12日　ご利用先：文具店　金額：3,850円</p>
   <p>ご利用明細は{a0}でご確認いただけます。</p>
   <p>楽天カード株式会社</p>
   </body></html>
   """),

ok("benign-067-smbc-direct-subdomain.eml", [],
   ("三井住友銀行", "info@smbc.co.jp"), [KEIRI],
   "【三井住友銀行】バリュードア ご利用時間変更のお知らせ",
   charset="iso-2022-jp",
   note="anchor text www.smbc.co.jp, href on direct.smbc.co.jp (same registrable domain)",
   anchors=[("https://direct.smbc.co.jp/aib/aibgsjsw5001.jsp", "www.smbc.co.jp")],
   html_body="""
   <html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-2022-JP"></head>
   <body>
   <p>法人のお客さま各位</p>
   <p>5月より、システム更改に伴いご利用時間を変更いたします。<br>
   詳細は {a0} をご覧ください。</p>
   <p>株式会社三井住友銀行</p>
   </body></html>
   """),

# ---------------------------------------------------------------- partners, foreign, kanji

ok("benign-070-partner-gijiroku.eml", [T],
   ("パートナー商事 鈴木", "suzuki@partner-shoji.example"), [SATO],
   "3月度 営業推進会議 議事録の送付",
   charset="iso-2022-jp",
   note="genuine minutes from a known partner with a PDF: theme alone",
   attach=[Att("議事録_20250314.pdf", "pdf", "application/pdf")],
   text="""
   佐藤様

   いつもお世話になっております。パートナー商事の鈴木です。
   先日の営業推進会議の議事録をお送りいたします。
   内容に相違がございましたらお知らせください。

   ━━━━━━━━━━━━━━━━━━━━
   株式会社パートナー商事
   営業本部 鈴木 浩二
   TEL 03-5555-0187
   suzuki@partner-shoji.example
   ━━━━━━━━━━━━━━━━━━━━
   """),

ok("benign-071-partner-sashikae.eml", [T],
   ("パートナー商事 鈴木", "suzuki@partner-shoji.example"), [SATO],
   "提案書の差し替えのお願い",
   charset="iso-2022-jp",
   note="genuine replacement document from a known partner: theme alone",
   attach=[Att("提案書_v2.pdf", "pdf", "application/pdf")],
   text="""
   佐藤様

   お世話になっております。鈴木です。
   昨日お送りした提案書の一部に誤記がありましたので、差し替えをお願いいたします。
   修正版を添付いたします。

   株式会社パートナー商事 鈴木 浩二
   suzuki@partner-shoji.example
   """),

ok("benign-072-chinese-partner-gb2312.eml", [],
   ("东方国际旅行社 刘洋", "liuyang@dongfang-travel.example"),
   [("王丽华", "wang@sakura-hoken.example")],
   "关于五月访日团体旅行保险的询问",
   charset="gb2312",
   note="genuine all-Chinese mail from a Chinese partner (no kana: not Japanese text, the indicator does not apply)",
   text="""
   王女士，您好！

   我们计划五月组织一个二十五人的访日旅游团，
   想请贵公司协助办理在日期间的旅行保险。
   请告知所需资料和报价，谢谢。

   东方国际旅行社 刘洋
   电话：021-5555-0188
   liuyang@dongfang-travel.example
   """),

ok("benign-073-chinese-partner-en.eml", [],
   ("Liu Yang", "liuyang@dongfang-travel.example"), [YAMAMOTO],
   "Travel insurance for our May tour group",
   charset="utf-8",
   note="English from the Chinese partner with a simplified-Chinese signature (no kana)",
   text="""
   Dear Mr. Yamamoto,

   Our company is organising a tour to Japan in May for 25 people.
   Could you send us a quotation for travel insurance during their stay?

   Best regards,
   Liu Yang
   东方国际旅行社 (Dongfang International Travel)
   liuyang@dongfang-travel.example
   """),

ok("benign-074-chinese-partner-ja-address.eml", [],
   ("東方国際旅行社 東京事務所 陳", "chen@dongfang-travel.example"), [WANG],
   "5月の訪日団体の保険について",
   charset="utf-8",
   note="Japanese mail whose signature has one stray hanzi (浦东): under the 2-distinct threshold",
   text="""
   王様

   いつもお世話になっております。東方国際旅行社の陳です。
   5月の訪日団体（25名）の旅行保険について、見積りをお願いできますでしょうか。
   参加者名簿は確定次第お送りいたします。

   --
   東方国際旅行社 東京事務所
   陳 明
   本社：上海市浦东新区 張楊路500号
   chen@dongfang-travel.example
   """),

ok("benign-075-rare-kanji-utf8.eml", [],
   ("髙橋 﨑子", "sakiko.takahashi@yoshinoya-shoten.example"), [SATO],
   "𠮷野商店の火災保険について",
   charset="utf-8",
   note="rare valid Japanese kanji: 髙 (CP932 only), 﨑 (CP932, JIS X 0213), 𠮷 (no JIS set, single)",
   text="""
   佐藤様

   いつもお世話になっております。𠮷野商店の髙橋です。
   店舗の火災保険について、山﨑からご相談の件を引き継ぎました。
   来週、店舗にお越しいただけますでしょうか。

   𠮷野商店
   髙橋 﨑子
   sakiko.takahashi@yoshinoya-shoten.example
   """),

ok("benign-076-cp932-in-sjis.eml", [],
   ("髙木 浩", "takagi@takagi-denki.example"), [SUZUKI],
   "店舗総合保険の補償内容について",
   charset="shift_jis", cp932=True,
   note="Shift_JIS label with CP932 content (髙, ①②③), as Windows mailers send",
   text="""
   鈴木様

   髙木電機の髙木です。
   店舗総合保険について、次の3点を教えてください。

   ① 落雷でレジが故障した場合の補償
   ② 盗難の場合の補償限度額
   ③ 休業中の売上減少の補償

   髙木電機 髙木 浩
   takagi@takagi-denki.example
   """),

ok("benign-077-rare-jis0208.eml", [],
   ("齋藤 澤子", "saito@hamabe-suisan.example"), [TANAKA],
   "濱邊水産の漁船保険について",
   charset="iso-2022-jp",
   note="ISO-2022-JP with rare JIS X 0208 level-2 kanji (齋 澤 濱 邊 鰹)",
   text="""
   田中様

   濱邊水産の齋藤でございます。
   鰹漁の時期を前に、漁船保険の補償内容を確認したく、
   ご連絡いたしました。ご都合のよい日時をお知らせください。

   有限会社濱邊水産
   齋藤 澤子
   saito@hamabe-suisan.example
   """),

ok("benign-078-mailto-anchor.eml", [],
   ("パートナー商事 総務部", "soumu@partner-shoji.example"), [KANRI],
   "年末年始の営業日について",
   charset="utf-8",
   note="mailto anchor whose text is an address (not judged)",
   anchors=[("mailto:soumu@partner-shoji.example", "soumu@partner-shoji.example")],
   html_body="""
   <html><head><meta charset="utf-8"></head><body>
   <p>お取引先各位</p>
   <p>ゴールデンウィーク期間中の営業日をお知らせいたします。<br>
   5月3日から5月6日まで休業とさせていただきます。</p>
   <p>お問い合わせ：{a0}</p>
   <p>株式会社パートナー商事 総務部</p>
   </body></html>
   """),

ok("benign-079-http-https.eml", [],
   ("Thames Re Brokers", "research@thames-re.example"), [YAMAMOTO],
   "Quarterly market report - Q1 2025",
   charset="us-ascii",
   note="anchor text http://, href https:// on the same host",
   anchors=[("https://www.thames-re.example/reports/2025-q1", "http://www.thames-re.example/reports/2025-q1")],
   html_body="""
   <html><body>
   <p>Dear clients,</p>
   <p>Our quarterly market report for Q1 2025 is now available:<br>{a0}</p>
   <p>Thames Re Brokers Ltd - Research</p>
   </body></html>
   """),

ok("benign-080-towa-noreply-replyto.eml", [],
   ("東和損保", "noreply@mail.towa-sonpo.example"), [TANAKA],
   "【東和損保】代理店手数料明細（3月分）のご案内",
   charset="iso-2022-jp",
   reply_to=("東和損保 代理店サポート", "dairiten-support@towa-sonpo.example"),
   note="noreply From on a subdomain, Reply-To on the parent domain (same organisation)",
   text="""
   代理店 各位

   3月分の代理店手数料明細を代理店サイトに掲載しました。
   ご不明な点は、本メールへの返信にてお問い合わせください。

   東和損害保険株式会社
   """),

ok("benign-081-singapore-meeting.eml", [],
   ("Tan Wei Ming", "weiming.tan@lion-insure.example"), [YAMAMOTO],
   "Visit to Tokyo in May - meeting request",
   charset="utf-8",
   note="English partner in Singapore, ordinary PDF agenda",
   attach=[Att("Agenda_Tokyo_May2025.pdf", "pdf", "application/pdf")],
   text="""
   Dear Yamamoto-san,

   I will be in Tokyo from 12 to 14 May and would like to meet to discuss
   our cooperation on inbound travel insurance. A draft agenda is attached.

   Best regards,
   Tan Wei Ming
   Lion Insure Pte Ltd
   weiming.tan@lion-insure.example
   """),

ok("benign-082-university-kouen.eml", [T],
   ("関東経済大学 経営学部 森田", "morita@kanto-keizai-u.example"), [TANAKA],
   "公開講座の講演依頼について",
   charset="iso-2022-jp",
   note="genuine lecture request from the university's own domain: theme alone",
   text="""
   さくら保険サービス株式会社
   田中 一郎 様

   関東経済大学経営学部の森田でございます。
   先日お電話でご相談いたしました公開講座の講演依頼について、
   改めてメールにてご連絡いたします。

   日時：7月12日（土）14:00〜15:30
   テーマ：地域の保険代理店の役割

   関東経済大学 経営学部
   教授 森田 和夫
   morita@kanto-keizai-u.example
   """),

ok("benign-083-trade-press-shuzai.eml", [T],
   ("週刊保険タイムズ 編集部 青木", "aoki@hoken-times.example"), [INFO],
   "取材のお願い（代理店経営特集）",
   charset="utf-8",
   note="genuine press request from the paper's own domain, matching signature: theme alone",
   text="""
   さくら保険サービス株式会社
   ご担当者様

   週刊保険タイムズ編集部の青木と申します。
   代理店経営の特集記事のため、取材のお願いでご連絡いたしました。
   30分程度、お電話またはご来社にてお話を伺えますと幸いです。

   --
   週刊保険タイムズ 編集部
   青木 優
   TEL 03-5555-0456
   aoki@hoken-times.example
   """),

ok("benign-084-travel-agency-ticket.eml", [T],
   ("さくらトラベル 法人営業", "booking@sakura-travel.example"), [YAMAMOTO],
   "【予約確認】航空券のご予約内容（山本様）",
   charset="iso-2022-jp",
   note="genuine booking for a staff business trip: theme alone",
   text="""
   さくら保険サービス株式会社
   山本 修 様

   このたびはご予約いただきありがとうございます。
   航空券のご予約内容は以下のとおりです。

   5月12日 羽田 8:05発 → 福岡 10:00着
   5月13日 福岡 18:30発 → 羽田 20:05着

   株式会社さくらトラベル 法人営業部
   booking@sakura-travel.example
   """),

ok("benign-085-recruit-agency.eml", [T],
   ("キャリアブリッジ 担当 内田", "uchida@career-bridge.example"), [INFO],
   "候補者のご推薦（職務経歴書送付）",
   charset="utf-8",
   note="recruiting agency sending a candidate's CV as PDF: theme alone",
   attach=[Att("職務経歴書_候補者A.pdf", "pdf", "application/pdf")],
   text="""
   採用ご担当者様

   キャリアブリッジの内田でございます。
   営業職の求人につきまして、候補者を1名ご推薦いたします。
   職務経歴書を添付いたしますので、ご確認ください。

   株式会社キャリアブリッジ
   内田 奈緒
   uchida@career-bridge.example
   """),

ok("benign-086-customer-kujo.eml", [T],
   ("丸山製作所 総務部長 丸山", "maruyama@maruyama-ss.example"), [KANRI],
   "事故対応についての苦情",
   charset="iso-2022-jp",
   note="genuine complaint from a customer firm's own domain: theme alone",
   text="""
   さくら保険サービス株式会社
   管理責任者様

   丸山製作所の丸山です。
   先月の社用車の事故について、担当者からの連絡が一週間以上なく、
   大変困っております。苦情として申し上げますので、
   至急状況をご説明ください。

   株式会社丸山製作所 総務部長
   丸山 修一
   maruyama@maruyama-ss.example
   """),

ok("benign-087-fp-seminar-sjis-html.eml", [],
   ("FPセミナー事務局", "seminar@fp-seminar.example"), [TANAKA],
   "【ご案内】相続と生命保険セミナー",
   charset="shift_jis",
   note="Shift_JIS HTML newsletter, URL text equals href",
   anchors=[("https://www.fp-seminar.example/schedule/2025-05", "https://www.fp-seminar.example/schedule/2025-05")],
   html_body="""
   <html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head>
   <body>
   <p>保険代理店の皆様</p>
   <p>5月10日に「相続と生命保険」セミナーを開催いたします。<br>
   お申し込み：{a0}</p>
   <p>FPセミナー事務局</p>
   </body></html>
   """),

ok("benign-088-customer-gmail-thanks.eml", [F],
   ("上田 真理", "mari.ueda.family@gmail.com"), [SATO],
   "お礼",
   charset="utf-8",
   note="customer thanking staff from gmail",
   text="""
   佐藤さん

   先日は保険金のお手続きでお世話になり、ありがとうございました。
   おかげさまで車の修理も終わりました。
   今後ともよろしくお願いいたします。

   上田
   """),

ok("benign-089-customer-yahoo-en-html.eml", [F],
   ("Sarah Lee", "sarah.lee.jp@yahoo.co.jp"), [YAMAMOTO],
   "Moving out - cancelling my tenant insurance",
   charset="utf-8",
   note="customer on yahoo.co.jp, English HTML with a link to her new landlord's site",
   anchors=[("https://www.sunny-heights.example/", "www.sunny-heights.example")],
   html_body="""
   <html><body>
   <p>Hello Yamamoto-san,</p>
   <p>I am moving out at the end of May and would like to cancel my tenant
   insurance from 1 June. My new building is {a0}; I will contact you
   about new cover once I have the lease.</p>
   <p>Thanks,<br>Sarah</p>
   </body></html>
   """),

ok("benign-090-kokyaku-html-sig.eml", [],
   ("こきゃく商会 原田", "harada@kokyaku.example"), [KEIRI],
   "口座振替依頼書を返送しました",
   charset="iso-2022-jp",
   note="customer firm HTML mail with an HTML signature block on the same domain",
   anchors=[("https://www.kokyaku.example/", "https://www.kokyaku.example/")],
   html_body="""
   <html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-2022-JP"></head>
   <body>
   <p>さくら保険サービス株式会社<br>経理ご担当者様</p>
   <p>口座振替依頼書に記入のうえ、本日郵送いたしました。<br>
   到着しましたらご確認をお願いいたします。</p>
   <p>----------------------------------------<br>
   株式会社こきゃく商会 経理部<br>
   原田 美穂<br>
   harada@kokyaku.example<br>
   {a0}<br>
   ----------------------------------------</p>
   </body></html>
   """),
ok("benign-091-envelope-bounce.eml", [],
   ("保険毎日ニュース", "news@hoken-mainichi.example"), [TANAKA],
   "保険毎日ニュース 号外：台風シーズンの備え",
   charset="utf-8",
   env_from="bounce-7731@bounce.mail-delivery-service.example",
   note="envelope sender is the mailing service's bounce address (not free mail)",
   text="""
   保険毎日ニュース 号外

   台風シーズンを前に、火災保険の水災補償の有無を確認する
   ポイントをまとめました。お客様へのご案内にご活用ください。

   https://www.hoken-mainichi.example/articles/2025/0601-suisai

   保険毎日ニュース編集部
   """),
# ---------------------------------------------------------------- partners, attached pages, kanji-heavy Japanese

ok("benign-092-partner-kitamura.eml", [],
   ("北村工業 経理課 森", "mori@kitamura-kogyo.co.jp"), [SATO],
   "4月分 保険料のお支払いについて",
   charset="iso-2022-jp",
   note="the partner itself (kitamura-kogyo.co.jp in partners.txt)",
   text="""
   佐藤様

   いつもお世話になっております。北村工業の森です。
   4月分の保険料は月末にお振込みいたします。

   北村工業株式会社 経理課 森
   mori@kitamura-kogyo.co.jp
   """),

ok("benign-093-other-firm-similar-word.eml", [],
   ("北村運輸 総務部", "soumu@kitamura-unyu.example"), [TANAKA],
   "運送保険のお見積りについて",
   charset="utf-8",
   note="another firm sharing a word with a partner (kitamura): not a look-alike",
   text="""
   田中様

   お世話になっております。北村運輸総務部です。
   運送保険のお見積りをお願いできますでしょうか。
   車両台数は12台です。

   北村運輸株式会社 総務部
   soumu@kitamura-unyu.example
   """),

ok("benign-094-html-itinerary.eml", [],
   ("さくらトラベル", "desk@sakura-travel.example"), [SUZUKI],
   "研修旅行の行程表",
   charset="utf-8",
   note="an attached .html itinerary without a login form (a search box posting to a relative path)",
   attach=[Att("itinerary.html", "html", "text/html",
               page='<html><body><h1>研修旅行 行程表</h1><table><tr><td>5月20日</td>'
                    '<td>東京駅 集合</td></tr></table>'
                    '<form action="search"><input name="q"></form></body></html>\n')],
   text="""
   鈴木様

   研修旅行の行程表を添付いたします。
   ご確認のほどよろしくお願いいたします。

   さくらトラベル 法人デスク
   desk@sakura-travel.example
   """),

ok("benign-095-kanji-heavy-terms.eml", [],
   ("東和損害保険 約款担当", "yakkan@towa-sonpo.example"), [TANAKA],
   "約款改定新旧対照表",
   charset="utf-8",
   note="kanji-heavy Japanese contract terms with few kana: not Chinese text",
   text="""
   代理店各位

   第一条（保険金支払事由）当会社は、被保険者が保険期間中に急激かつ偶然な外来の事故により身体に傷害を被った場合、本約款に従い保険金を支払う。
   第二条（免責事由）故意、重大過失、戦争、内乱、地震、噴火、津波に起因する損害。
   対象商品：火災保険、地震保険、自動車保険、傷害保険、賠償責任保険、所得補償保険

   東和損害保険株式会社 約款担当
   """),

ok("benign-096-chinese-partner-utf8.eml", [],
   ("东方国际旅行社 刘洋", "liuyang@dongfang-travel.example"),
   [("王丽华", "wang@sakura-hoken.example")],
   "五月访日团名单",
   charset="utf-8",
   note="the Chinese partner writes all in Chinese again (partner: not judged as Chinese text)",
   text="""
   王女士，您好！

   我们五月访日团的名单已经确定，共二十五人。
   请您确认保险的办理进度，我们下周将把护照复印件寄给贵公司。
   谢谢您的帮助。

   东方国际旅行社 刘洋
   liuyang@dongfang-travel.example
   """),

ok("benign-097-vendor-password-expiry.eml", [T],
   ("クモシステムズ サポート", "support@kumo-systems.example"), [KANRI],
   "【定期】管理画面のパスワードの有効期限について",
   charset="utf-8",
   note="genuine vendor reminder on password expiry, no link: one weak indicator",
   text="""
   ご担当者様

   いつもクモシステムズをご利用いただきありがとうございます。
   管理画面のパスワードの有効期限は90日です。
   期限が近づきましたら、管理画面の設定メニューから変更してください。

   クモシステムズ サポート
   support@kumo-systems.example
   """),

ok("benign-098-kyujitai-names.eml", [],
   ("総務部 渡邊", "watanabe@hokuto-life.example"), [TANAKA],
   "次回会議の出席者について",
   charset="utf-8",
   note="old forms kept in names (渡邊 齋藤 國分 濱田): not traditional Chinese",
   text="""
   田中様

   いつもお世話になっております。北斗生命の渡邊です。
   次回の会議には、齋藤、國分、濱田の三名が出席いたします。
   資料は当日お持ちします。よろしくお願いいたします。

   北斗生命 総務部 渡邊
   watanabe@hokuto-life.example
   """),

ok("benign-099-numbered-host.eml", [],
   ("みらいOA サポート", "support@mirai-oa.example"), [KANRI],
   "複合機の保守点検について",
   note="a numbered host (web01) and a plain link of the partner: no look-alike",
   text="""
   ご担当者様

   いつもお世話になっております。みらいOAサポートです。
   来週の保守点検の日程は下記のページでご確認いただけます。
   https://web01.mirai-oa.example/schedule

   みらいOA サポート
   support@mirai-oa.example
   """),

# ---------------------------------------------------------------- third round: scripts and numbers that are not lures

ok("benign-100-newsletter-analytics.eml", [],
   ("Hokuto Shoji News", "news@hokuto-shoji.example"), [TANAKA],
   "Spring product news",
   charset="utf-8",
   note="newsletter whose script writes the analytics tag through unescape, plus tracking links: decoded, nothing hidden",
   anchors=[("https://click.hokuto-shoji.example/t?u=spring&id=8812", "Read more")],
   html_body="""
   <html><head><meta charset="utf-8"></head><body>
   <p>New products for the spring season are now available.</p>
   <p>{a0}</p>
   <script type="text/javascript">
   var gaJsHost = (("https:" == document.location.protocol) ? "https://ssl." : "http://www.");
   document.write(unescape("%3Cscript src='" + gaJsHost + "google-analytics.com/ga.js' type='text/javascript'%3E%3C/script%3E"));
   </script>
   <p>Hokuto Shoji Co., Ltd.</p>
   </body></html>
   """),

ok("benign-101-date-script.eml", [],
   ("北斗商事 総務部", "soumu@hokuto-shoji.example"), [SATO],
   "社内報 5月号",
   charset="utf-8",
   note="a newsletter whose script writes today's date into the page and a login link to the sender's own portal",
   anchors=[("https://portal.hokuto-shoji.example/", "ポータル")],
   html_body="""
   <html><head><meta charset="utf-8"></head><body>
   <p>社内報 5月号をお届けします。</p>
   <p id="d"></p>
   <script>document.getElementById("d").innerHTML = new Date().toLocaleDateString("ja-JP");</script>
   <p>過去の号は{a0}でご覧いただけます。</p>
   <p>北斗商事 総務部</p>
   </body></html>
   """),

ok("benign-102-network-numbers.eml", [],
   ("みらいOA サポート", "support@mirai-oa.example"), [KANRI],
   "ネットワーク機器の設定変更のお知らせ",
   note="an address range, a version number and a host address in prose: no link",
   text="""
   ご担当者様

   いつもお世話になっております。みらいOAサポートです。
   来週、貴社のネットワーク 192.0.2.0/24 の設定を変更いたします。
   ルーター 192.0.2.1 のファームウェアは 10.2.3.4 に更新されます。

   みらいOA サポート
   support@mirai-oa.example
   """),

ok("benign-103-shanghai-address.eml", [],
   ("総務部 高橋", "takahashi@kawanishi-kogyo.example"), [TANAKA],
   "上海事務所の住所について",
   charset="utf-8",
   note="a Chinese place name with one simplified form inside it, from a stranger-looking sender: the name's, not a lure's",
   text="""
   田中様

   いつもお世話になっております。
   書類は上海市浦东新区の事務所へお送りいたしますので、よろしくお願いします。

   川西工業 総務部 高橋
   takahashi@kawanishi-kogyo.example
   """),
]

# Records added after the set was first written: gen.py renders them last,
# so the earlier messages keep their dates, ids and relays.
LATER = [

# ---------------------------------------------------------------- fourth round: guards
ok("benign-104-partner-hanzi-company.eml", [],
   ("東方旅行 王", "wang@dongfang-travel.example"), [TANAKA],
   "来月のご訪問について",
   charset="utf-8",
   note="a declared partner's Japanese mail naming a Chinese firm in simplified hanzi (华信贸易): no foreign-hanzi indicator",
   text="""
   田中様

   いつもお世話になっております。東方旅行の王です。
   弊社の取引先である华信贸易の担当者が、来月東京へ伺います。
   ご都合のよい日をお知らせいただけますでしょうか。

   東方旅行 王
   wang@dongfang-travel.example
   """),

ok("benign-105-customer-hanzi-company.eml", [],
   ("営業部 中村", "nakamura@kawanishi-kogyo.example"), [EIGYO],
   "新しい取引先のご紹介",
   charset="utf-8",
   note="a customer naming two Chinese firms (华信贸易, 东方集团) in Japanese: company names do not count",
   text="""
   ご担当者様

   いつもお世話になっております。川西工業の中村です。
   来期から华信贸易および东方集团と取引を始めますので、
   輸出貨物の保険についてご相談させてください。

   川西工業 営業部 中村
   nakamura@kawanishi-kogyo.example
   """),

ok("benign-106-shared-folder-partner.eml", [],
   ("パートナー商事 鈴木", "suzuki@partner-shoji.example"), [SATO],
   "打合せ資料の件",
   charset="iso-2022-jp",
   note="a partner putting material in a shared folder, fax number in the signature: no theme",
   text="""
   佐藤様

   いつもお世話になっております。
   打合せ資料を社内で共有しましたので、当日お持ちします。
   FAXでお送りする場合はご連絡ください。

   パートナー商事 鈴木
   TEL 03-5555-0201 / FAX 03-5555-0202
   suzuki@partner-shoji.example
   """),
]
