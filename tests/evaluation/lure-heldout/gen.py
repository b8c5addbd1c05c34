#!/usr/bin/env python3
# NAME
#   gen.py - write the held-out inbound lure set (tests/evaluation/lure-heldout)
#
# SYNOPSIS
#   tests/evaluation/lure-heldout/gen.py
#
# DESCRIPTION
#   Writes messages/*.eml and labels.tsv next to this file: mail that the
#   invented insurance agency sakura-hoken.example receives.  Lures follow
#   the kinds IPA, JPCERT/CC and the Council of Anti-Phishing Japan describe
#   in public (see README); benign mail is what the agency receives from its
#   insurers, customers and suppliers every day.
#
#   A label names the indicators that are present in a message in the sense
#   of omamori.conf(5), section INBOUND, not a verdict: a customer writing
#   from a free-mail address carries attack.freemail_sender although the
#   mail is harmless, and a lure with none of the covered indicators is not
#   in the set.  Where a message comes from an outside client but uses the
#   firm's own domain in From, the label line passes --client so that the
#   scan sees it as inbound.
#
#   Partners the firm writes to are declared in partners.brands (read
#   through attack_brands in omamori.conf); the firm itself is declared only
#   through internal_domains.
#
#   This set is for measuring only: never tune rules on its messages.
#
# Python 3 standard library only.

import base64
import os
from email.header import Header

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'messages')

COVERS = ('attack.freemail_sender attack.signature_mismatch attack.url_mismatch '
          'attack.lookalike_url attack.non_japanese_kanji attack.credential_request '
          'attack.theme attack.spoofed_internal')
SHORT = {'F': 'attack.freemail_sender', 'S': 'attack.signature_mismatch',
         'U': 'attack.url_mismatch', 'L': 'attack.lookalike_url',
         'K': 'attack.non_japanese_kanji', 'C': 'attack.credential_request',
         'T': 'attack.theme', 'I': 'attack.spoofed_internal'}
OUTSIDE = '--client 198.51.100.23'

FIRM = 'sakura-hoken.example'
RCPTS = ['k.sato', 'a.suzuki', 's.tamura', 'm.onodera', 'info']

entries = []
counter = {}


def b64(text):
    return base64.encodebytes(text.encode('utf-8')).decode('ascii')


def write_msg(cls, flags, note, frm, subject, text=None, html=None, attach=None,
              reply_to=None, args='-', charset='utf-8', day=0):
    """write_msg - one inbound message and its label line.

    attach is (filename, content-type, text) of one attachment."""
    counter[cls] = counter.get(cls, 0) + 1
    name = '%s-%02d.eml' % (cls, counter[cls])
    n = len(entries)
    disp, addr = frm
    hdr = ['Return-Path: <%s>' % addr,
           'From: %s <%s>' % (Header(disp, 'utf-8').encode(), addr) if disp else 'From: %s' % addr,
           'To: %s@%s' % (RCPTS[n % len(RCPTS)], FIRM),
           'Subject: %s' % Header(subject, 'utf-8').encode(),
           'Date: Tue, %d Dec 2026 %02d:%02d:11 +0900' % (n % 27 + 1, 7 + n % 12, (n * 13) % 60),
           'Message-ID: <%s.%d@%s>' % (name[:-4], n, addr.split('@')[1]),
           'MIME-Version: 1.0']
    if reply_to:
        hdr.append('Reply-To: %s' % reply_to)
    bnd = '=_held_%s' % name[:-4].replace('-', '_')
    parts = []
    if text is not None and charset == 'iso-2022-jp':
        parts.append(('text/plain; charset="ISO-2022-JP"', '7bit', text.encode('iso-2022-jp').decode('ascii')))
    elif text is not None:
        parts.append(('text/plain; charset="utf-8"', 'base64', b64(text)))
    if html is not None:
        parts.append(('text/html; charset="utf-8"', 'base64', b64(html)))
    if len(parts) == 1 and attach is None:
        ctype, cte, payload = parts[0]
        hdr += ['Content-Type: %s' % ctype, 'Content-Transfer-Encoding: %s' % cte]
        body = payload
    else:
        inner = parts
        if len(parts) > 1:
            alt = '%s_alt' % bnd
            sub = ''.join('--%s\nContent-Type: %s\nContent-Transfer-Encoding: %s\n\n%s\n'
                          % (alt, c, e, p) for c, e, p in parts) + '--%s--\n' % alt
            inner = [('multipart/alternative; boundary="%s"' % alt, None, sub)]
        if attach is None:
            ctype, cte, payload = inner[0]
            hdr.append('Content-Type: %s' % ctype)
            body = payload
        else:
            hdr.append('Content-Type: multipart/mixed; boundary="%s"' % bnd)
            body = ''
            for c, e, p in inner:
                body += '--%s\nContent-Type: %s\n%s\n%s\n' % (
                    bnd, c, 'Content-Transfer-Encoding: %s\n' % e if e else '', p)
            fname, ftype, ftext = attach
            enc_name = Header(fname, 'utf-8').encode() if any(ord(ch) > 127 for ch in fname) else fname
            body += ('--%s\nContent-Type: %s; name="%s"\nContent-Disposition: attachment; filename="%s"\n'
                     'Content-Transfer-Encoding: base64\n\n%s\n--%s--\n' % (bnd, ftype, enc_name, enc_name, b64(ftext), bnd))
    data = '\n'.join(hdr) + '\n\n' + body
    with open(os.path.join(OUT, name), 'w', encoding='ascii', newline='\n') as fh:
        fh.write(data)
    cats = ','.join(SHORT[f] for f in 'FSULKCTI' if f in flags) or '-'
    entries.append((name, cats, args, note))


def a(href, label=None):
    return '<a href="%s">%s</a>' % (href, label or href)


def html_page(*paras):
    return '<html><body>%s</body></html>' % ''.join('<p>%s</p>' % p for p in paras)


def login_form(title, action, lead):
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head><body>'
            '<div style="width:360px;margin:80px auto;font-family:sans-serif"><h3>%s</h3><p>%s</p>'
            '<form method="post" action="%s"><input type="email" name="login" placeholder="メールアドレス"><br>'
            '<input type="password" name="passwd" placeholder="パスワード"><br>'
            '<button type="submit">ログイン</button></form></div></body></html>' % (title, title, lead, action))


# -- lures -----------------------------------------------------------------

def emotet():
    quote = ('\n\n-----Original Message-----\nFrom: 佐藤 健一 <k.sato@sakura-hoken.example>\n'
             'Sent: Thursday, November 26, 2026 3:02 PM\nSubject: 代理店手数料明細の件\n\n'
             '森本様\n10月分の明細、受領いたしました。確認のうえご連絡します。\n')
    sig_tk = '\n--\n東海火災保険株式会社 代理店営業部\n森本 浩二\nmorimoto@tokai-kasai.example\nTEL 03-3212-8800\n'
    write_msg('lure-emotet', 'S', 'reply to a stolen thread from an unrelated compromised domain; signature keeps the partner address',
              ('森本 浩二', 'k.morimoto@hkt-shipping.example.com'), 'RE: 代理店手数料明細の件',
              '佐藤様\n\nお世話になっております。\n明細を更新しましたので下記よりご確認ください。\n'
              'https://hkt-shipping.example.com/wp-content/uploads/meisai/\n' + sig_tk + quote)
    write_msg('lure-emotet', 'ST', 'stolen thread, resend of a document as a password zip',
              ('森本 浩二', 'office@yoshida-kougyou.example.jp'), 'RE: 明細の再送について',
              '佐藤様\n\n先日の明細ですが、差替え版を再送いたします。\n添付ファイルのパスワード：tk1127\n' + sig_tk + quote,
              attach=('明細_差替え_1127.zip', 'application/zip', 'PK\x03\x04 placeholder archive'))
    write_msg('lure-emotet', 'FSTL', 'partner display name on a free-mail account, minutes lure, link to a raw IP',
              ('北村商事 山口', 'yamaguchi.kitamura.shoji@gmail.com'), 'Re: 先日の打合せ議事録',
              '佐藤様\n\n先日の打合せの議事録をお送りします。\nhttp://198.51.100.14/share/gijiroku_1203.doc\n\n'
              '北村商事株式会社 総務部 山口\nyamaguchi@kitamura-shoji.example\n')
    write_msg('lure-emotet', 'SL', 'sender on a look-alike of the partner domain, link to the same host',
              ('石川 恵', 'ishikawa@minato-life.example.co'), 'RE: 新契約書類のご送付',
              '佐藤様\n\n書類一式をクラウドに置きました。ご確認をお願いします。\n'
              'https://minato-life.example.co/share/docs/2026-12/\n\n'
              'みなと生命保険株式会社 新契約部 石川\nishikawa@minato-life.example\n')
    write_msg('lure-emotet', 'ITL', 'the firm\'s own address from an outside client, document replacement, link on a host carrying the firm\'s name',
              ('佐藤 健一', 'k.sato@sakura-hoken.example'), 'RE: 見積書の差替え',
              'お疲れさまです。\n見積書を差替えましたので、こちらからダウンロードしてください。\n'
              'https://sakura-hoken.example.storage-share.example.net/dl/mitsumori.xlsm\n',
              args=OUTSIDE)


def delivery():
    write_msg('lure-delivery', 'TL', 'carrier absence notice, carrier name inside another domain',
              ('佐川急便', 'info@notice-delivery.example.top'), '【佐川急便】お荷物お届けのお知らせ',
              'お客様宛にお荷物のお届けにあがりましたが、不在のため持ち帰りました。\n'
              '再配達のご依頼は以下よりお手続きください。\nhttps://sagawa-exp.redelivery-check.example.top/\n')
    write_msg('lure-delivery', 'UTL', 'anchor shows the carrier\'s real site, link goes elsewhere',
              ('ヤマト運輸', 'no-reply@kuroneko-info.example.cn'), 'お荷物お届けのご案内',
              html=html_page('お届け予定のお荷物がございます。配達日時をご指定ください。',
                             a('http://kuroneko-yamato.fjkx.example.cn/re', 'https://www.kuronekoyamato.co.jp/'),
                             'ヤマト運輸株式会社'))
    write_msg('lure-delivery', 'TL', 'postal absence notice with a look-alike of the postal service',
              ('日本郵便', 'japanpost@mail-notice.example.xyz'), '【日本郵便】お届け時ご不在のご連絡',
              '重要なお荷物をお届けにあがりましたが、ご不在でした。\n受取情報をご確認のうえ、再配達をお申し込みください。\n'
              'https://japanpost.jp-redelivery.example.xyz/confirm\n')
    write_msg('lure-delivery', 'TLC', 'English courier notice asking for the mailbox password',
              ('DHL Express', 'noreply@dhl-parcel-hold.example.info'), 'DHL Shipment Notification: AWB 5823 0947 11',
              'Dear customer,\n\nYour parcel is on hold at our facility. To release it, sign in with your email '
              'address and password to confirm the delivery address:\nhttps://dhl-express.parcel-hold.example.info/track\n\n'
              'DHL Express Japan\n')
    write_msg('lure-delivery', 'FTL', 'delivery lure from a free-mail account, link to a raw IP',
              ('配送センター', 'delivery.center.jp2026@gmail.com'), 'お荷物のお届けについて（要確認）',
              'お客様のお荷物の配送状況に問題が発生しました。\n下記から配送状況をご確認ください。\nhttp://203.0.113.45/track?id=88201\n')
    write_msg('lure-delivery', 'TLC', 'shop delivery change asking to sign in',
              ('Amazon.co.jp', 'account-update@amazon-notice.example.icu'), 'Amazon.co.jp お届け予定の変更',
              'ご注文の商品のお届け予定が変更になりました。お支払い方法に問題があるため、'
              'アカウントにログインしてIDとパスワードを再確認してください。\nhttps://amazon-co-jp.account-update.example.icu/signin\n')


def mailbox():
    write_msg('lure-mailbox', 'TCL', 'quota lure on a host carrying the firm\'s name',
              ('メールシステム管理者', 'admin@mail-center.example.net'), 'メールボックスの容量が上限に達しました',
              'お使いのメールボックスの容量が98%に達しています。新しいメールを受信できなくなる前に、'
              '下記のページでユーザーIDとパスワードを入力し、容量を更新してください。\n'
              'https://sakura-hoken-webmail.example.org/owa/\n')
    write_msg('lure-mailbox', 'TCL', 'English quota lure with a raw IP',
              ('Mail Administrator', 'postmaster@mx-quota.example.com'), 'Mailbox quota exceeded (98%)',
              'Your mailbox has exceeded its storage limit. Incoming messages are being held.\n'
              'Log in with your email password to upgrade your quota:\nhttp://198.51.100.200/owa/auth.php\n')
    write_msg('lure-mailbox', 'TCK', 'machine-written Japanese with simplified hanzi',
              ('邮件系统', 'service@mail-verify.example.cn'), '邮箱容量のお知らせ',
              'お客様の邮箱容量が上限に达しました。以下の链接をクリックして、账户とパスワードを验证してください。'
              '验证しない场合、メールは删除されます。\nhttps://mail-verify.webmailupdate.example.cn/login\n')
    write_msg('lure-mailbox', 'ITCL', 'spoofed internal IT notice, link on a host carrying the firm\'s name',
              ('情報システム部', 'it-support@sakura-hoken.example'), 'メールボックス容量超過のお知らせ',
              '社員各位\n\nメールボックスの容量を超過しています。本日中に以下からサインインし、容量の拡張を行ってください。\n'
              'IDとパスワードの入力が必要です。\nhttps://sakura-hoken.example-mailcenter.com/login\n\n情報システム部\n',
              args=OUTSIDE)
    write_msg('lure-mailbox', 'UTC', 'anchor shows the firm\'s webmail, link goes elsewhere',
              ('Webmail', 'notice@quota-mgr.example.ru'), '【重要】保留中のメッセージがあります',
              html=html_page('メールボックスの容量不足により、12件のメッセージが保留されています。',
                             'メッセージを受信するには、アカウントにログインしてパスワードを確認してください。',
                             a('https://quota-mgr.example.ru/q.php', 'https://mail.sakura-hoken.example/quota')))


def password():
    write_msg('lure-password', 'TCL', 'cloud mail password expiry on a host carrying the brand',
              ('Microsoft 365', 'no-reply@m365-secure-notify.example.com'), 'パスワードの有効期限が本日切れます',
              'お使いのアカウントのパスワードは本日で有効期限が切れます。現在のパスワードを引き続き使用するには、'
              '以下のリンクからサインインしてください。\nhttps://login-microsoftonline.pw-reset.example.com/\n')
    write_msg('lure-password', 'UTCL', 'anchor shows the real sign-in page, link goes to a digit-for-letter look-alike',
              ('Microsoft アカウント チーム', 'account-security@msonline-team.example.net'), 'パスワード変更のお願い',
              html=html_page('セキュリティ強化のため、パスワードの変更が必要です。',
                             a('https://m1crosoft-0nline.example.net/reset', 'https://login.microsoftonline.com/'),
                             'サインインしてIDとパスワードを更新してください。'))
    write_msg('lure-password', 'FTC', 'English expiry notice from a free-mail account',
              ('IT Helpdesk', 'it.helpdesk.support365@outlook.com'), 'Your password expires in 24 hours',
              'Your email password will expire in 24 hours. To keep your current password, confirm your '
              'username and password here:\nhttps://keep-same-password.example.net/confirm\n')
    write_msg('lure-password', 'ITCL', 'spoofed internal password change',
              ('情報システム部', 'sysadmin@sakura-hoken.example'), '【重要】パスワード変更のお願い',
              '全社員の皆様\n\nセキュリティ強化のため、全員のパスワードを変更します。\n'
              '下記ページで現在のIDとパスワードを入力し、新しいパスワードを設定してください。\n'
              'https://sakura-hoken-pwchange.example.com/\n', args=OUTSIDE)
    write_msg('lure-password', 'TCL', 'punycode homograph of the firm\'s name (Cyrillic a)',
              ('さくら保険サービス 情報システム', 'helpdesk@pw-expire.example.net'), 'パスワード有効期限のお知らせ',
              'パスワードの有効期限が近づいています。以下からログインし、パスワードを更新してください。\n'
              'https://%s.example/login\n' % 'sаkura-hoken'.encode('idna').decode('ascii'))


def account():
    write_msg('lure-account', 'TCL', 'bank registration check on a look-alike host',
              ('三井住友銀行', 'info@smbc-kakunin.example.top'), '【三井住友銀行】お取引目的等のご確認のお願い',
              'お客様の取引目的等の確認が完了していないため、お取引を一部制限しております。\n'
              '下記よりログインし、契約者番号と第一暗証番号を入力してご確認ください。\nhttps://smbc-kakunin.example.top/login\n')
    write_msg('lure-account', 'UTCL', 'card use check, anchor shows the issuer\'s site',
              ('JCBカード', 'security@card-check.example.shop'), '【重要】カードご利用確認のお願い',
              html=html_page('不正利用の可能性があるお取引を検知しました。',
                             'ご本人様確認のため、会員IDとパスワードでログインしてください。',
                             a('https://jcb-secure-check.example.shop/login', 'https://www.jcb.co.jp/')))
    write_msg('lure-account', 'TCL', 'insurer portal re-registration on a host carrying the partner\'s name',
              ('東海火災 代理店システム', 'portal@tokai-kasai-agent.example.net'), '代理店ポータル アカウント再登録のお願い',
              '代理店システムの更新に伴い、アカウントの再登録が必要です。\n'
              '代理店コードとパスワードを入力して再登録を完了してください。\nhttps://tokai-kasai-agent.example.net/login\n')
    write_msg('lure-account', 'TCL', 'insurer support with a typo-squatted domain (1 for l)',
              ('みなと生命 代理店サポート', 'support@minato-1ife.example'), '【みなと生命】募集人アカウントの確認',
              '募集人アカウントの有効性確認を行っております。期限までに下記よりログインし、'
              '募集人IDとパスワードを確認してください。\nhttps://minato-1ife.example/agent/verify\n')
    write_msg('lure-account', 'TCL', 'tax office lure (unpaid tax), asks for the user number and PIN',
              ('国税庁', 'e-tax@nta-notice.example.cc'), '【税務署】未払い税金のお知らせ',
              '未納の税金がございます。期限までにお手続きいただけない場合、差押えとなる可能性があります。\n'
              'e-Taxの利用者識別番号と暗証番号を入力して確認してください。\nhttps://nta-go-jp.example.cc/etax/login\n')
    write_msg('lure-account', 'FTCL', 'English account lock from a free-mail account, brand in a subdomain',
              ('Apple Support', 'apple.id.support.team@gmail.com'), 'Your Apple ID has been locked',
              'Your Apple ID has been locked for security reasons. Verify your account within 24 hours by '
              'signing in with your Apple ID and password:\nhttps://appleid.apple.com.verify-id.example.info/\n')


def html_attach():
    write_msg('lure-htmlattach', 'TC', 'invoice lure, login form inside an HTML attachment',
              ('経理部 高田', 'keiri@takada-kikai.example.jp'), '請求書送付のご案内',
              'いつもお世話になっております。\n今月分の請求書を添付いたしますので、ご確認ください。\n',
              attach=('請求書_1207.html', 'text/html',
                      login_form('請求書の閲覧', 'https://collect.example-host.ru/p.php',
                                 'ファイルを表示するには、メールアドレスとパスワードでログインしてください。')))
    write_msg('lure-htmlattach', 'C', 'shared-document lure, login form in an attachment',
              ('OneDrive', 'share@docs-share.example.org'), 'Document shared with you',
              'A document has been shared with you. Open the attached file to view it.\n',
              attach=('Scan_Document_0312.htm', 'text/html',
                      login_form('Sign in to view', 'https://docs-share.example.org/auth.php',
                                 'Confirm your email account password to open the document.')))
    write_msg('lure-htmlattach', 'SC', 'quotation lure, partner signature, login form attachment',
              ('北村商事 購買部', 'kobai@kitamura-trading.example.com'), '見積書送付の件',
              '見積書を送付します。添付のファイルからご確認ください。\n\n北村商事株式会社 購買部\nkobai@kitamura-shoji.example\n',
              attach=('見積書.html', 'text/html',
                      login_form('Excel Online', 'https://kitamura-trading.example.com/xl.php',
                                 '閲覧にはメールアカウントのパスワードが必要です。')))
    write_msg('lure-htmlattach', 'C', 'voicemail lure with a login form attachment',
              ('Voice Mail', 'voicemail@pbx-notify.example.net'), 'New voicemail (0:42)',
              'You have a new voice message. Open the attachment to listen.\n',
              attach=('voicemail_0312.html', 'text/html',
                      login_form('Voicemail', 'https://pbx-notify.example.net/vm.php',
                                 'Sign in with your email and password to play the message.')))
    write_msg('lure-htmlattach', 'C', 'fax-received lure with a login form attachment',
              ('複合機', 'scanner@fax-service.example.jp'), 'ファックス受信のお知らせ',
              'ファックスを1件受信しました。添付ファイルを開いて内容をご確認ください。\n',
              attach=('ファックス受信_1130.html', 'text/html',
                      login_form('受信ファクス', 'https://fax-service.example.jp/view.php',
                                 '閲覧するにはメールアドレスとパスワードを入力してください。')))


def lookalike():
    write_msg('lure-lookalike', 'STL', 'payee-change fraud from a look-alike of a customer\'s domain',
              ('北村商事 経理部', 'keiri@kitamura-shouji.example'), 'お振込先口座変更のお知らせ',
              'いつもお世話になっております。\n弊社の振込先口座が変更になりましたので、今後のお支払いは新口座へお願いいたします。\n'
              '詳細：https://kitamura-shouji.example/notice.pdf\n\n北村商事株式会社 経理部\nkeiri@kitamura-shoji.example\n')
    write_msg('lure-lookalike', 'TL', 'document replacement, link on a punycode look-alike of the insurer',
              ('東海火災保険', 'info@tokai-docs.example.net'), '【再送】約款の差替えについて',
              '約款の一部に誤りがあったため、差替え版を掲載しました。\n'
              'https://www.%s.example/yakkan/\n' % 'tokai-kasaí'.encode('idna').decode('ascii'))
    write_msg('lure-lookalike', 'TL', 'personnel notice from a look-alike of the firm\'s own domain',
              ('さくら保険サービス 総務部', 'soumu@sakura-hoken-jp.example'), '【全社】人事異動のお知らせ',
              '社員各位\n\n1月1日付の人事異動を下記に掲載しました。\nhttps://sakura-hoken-jp.example/jinji/2027.xlsm\n')
    write_msg('lure-lookalike', 'TL', 'business-policy lure from the firm\'s name without the hyphen',
              ('さくら保険サービス 経営企画', 'plan@sakurahoken.example'), '2027年度 事業方針説明資料',
              '2027年度の事業方針説明資料を共有します。\nhttps://sakurahoken.example/2027plan/\n')


def chinese():
    write_msg('chinese', 'K', 'business letter written entirely in simplified Chinese',
              ('王经理', 'wang@huaxin-trade.example.cn'), '关于合作事宜的函',
              '贵公司负责人您好：\n\n我司希望与贵公司在保险代理业务方面开展合作，详细方案请见以下链接。'
              '如有疑问，请随时与我们联系。\nhttps://huaxin-trade.example.cn/hezuo/\n\n华信贸易有限公司\n')
    write_msg('chinese', 'K', 'quotation in traditional Chinese',
              ('陳小姐', 'chen@jinlong-intl.example.tw'), '報價單確認',
              '您好，附件為本公司最新報價單，請確認後回覆。謝謝。\n\n金龍國際股份有限公司\n',
              attach=('報價單.pdf', 'application/pdf', '%PDF-1.4 placeholder'))
    write_msg('chinese', 'KTC', 'mailbox upgrade phishing in simplified Chinese',
              ('系统管理员', 'admin@mailupgrade.example.cn'), '邮箱升级通知',
              '尊敬的用户：\n\n您的邮箱需要升级。请点击下面的链接，输入您的账户和密码进行验证，否则邮箱将被停用。\n'
              'https://mailupgrade.example.cn/verify\n')
    write_msg('chinese', 'KT', 'invoice lure in simplified Chinese',
              ('财务部', 'caiwu@dingsheng.example.cn'), '发票已开具，请查收',
              '您好，贵司的发票已开具，请查收附件并尽快安排付款。\n',
              attach=('发票_1207.zip', 'application/zip', 'PK\x03\x04 placeholder archive'))


def themes():
    write_msg('lure-theme', 'FT', 'press interview request from a free-mail account',
              ('日経ビジネス記者 村上', 'murakami.press.2026@gmail.com'), '【取材のお願い】保険代理店の働き方について',
              'はじめてご連絡いたします。フリーの記者をしております村上と申します。\n'
              '保険代理店の働き方改革について取材をお願いしたく、取材依頼書を添付しました。ご確認ください。\n',
              attach=('取材依頼書.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK placeholder'))
    write_msg('lure-theme', 'ST', 'lecture request, signature on a free-mail domain',
              ('全国保険実務協議会 事務局', 'jimukyoku@hoken-jitsumu.example.or.jp'), '講演のご依頼',
              '突然のご連絡失礼いたします。来年2月の研修会にて、代理店経営についてご講演をお願いできないかと存じます。\n'
              '詳細は添付の企画書をご覧ください。\n\n全国保険実務協議会 事務局 本田\nhonda.kyogikai@yahoo.co.jp\n',
              attach=('講演企画書.pdf', 'application/pdf', '%PDF-1.4 placeholder'))
    write_msg('lure-theme', 'FT', 'CV sent as an archive from a free-mail account',
              ('応募者 中川', 'nakagawa.shun1999@yahoo.co.jp'), '履歴書送付の件',
              '貴社の求人を拝見し、応募いたします。履歴書と職務経歴書を送付いたします。\nパスワードは別途お送りします。\n',
              attach=('履歴書_中川.zip', 'application/zip', 'PK\x03\x04 placeholder archive'))
    write_msg('lure-theme', 'KT', 'product enquiry in unnatural Japanese with simplified hanzi',
              ('李', 'li@eastbridge.example.com'), '贵社の保険商品について问い合わせ',
              'はじめまして。贵社の法人向け保険商品について问い合わせしたいです。资料を送っていただけますか。'
              'よろしくお愿いします。\n')
    write_msg('lure-theme', 'UT', 'survey request, anchor shows a survey site, link elsewhere',
              ('顧客満足度調査事務局', 'survey@cs-research.example.jp'), 'アンケートご協力のお願い',
              html=html_page('保険代理店様を対象としたアンケートにご協力ください。',
                             a('https://cs-research.example-forms.ru/s/77', 'https://www.cs-research.example.jp/survey/')))
    write_msg('lure-theme', 'TL', 'infection-control notice posing as a ministry',
              ('厚生労働省', 'info@mhlw-notice.example.net'), '【注意喚起】新型感染症の対策について',
              '新型感染症の感染拡大を受け、事業者向けの対策をまとめました。必ずご確認ください。\n'
              'https://mhlw.go.jp.taisaku-info.example.net/download\n')
    write_msg('lure-theme', 'TL', 'English e-ticket receipt, airline name in another domain',
              ('ANA Booking', 'booking@ana-eticket.example.top'), 'Your e-ticket itinerary receipt',
              'Thank you for booking with us. Your e-ticket receipt is available here:\n'
              'https://ana-booking.eticket-receipt.example.top/itinerary?ref=KX82LP\n')
    write_msg('lure-theme', 'TCL', 'airline booking check asking for the mileage number and password',
              ('JAL', 'jmb@jal-mileage.example-check.com'), '【JAL】ご予約内容の確認',
              'ご予約内容に確認が必要な点がございます。JALマイレージバンクのお得意様番号とパスワードで'
              'ログインし、ご確認ください。\nhttps://jal-mileage.example-check.com/login\n')
    write_msg('lure-theme', 'I', 'urgent request from the president\'s address via an outside client (no link)',
              ('代表取締役 桜井', 'president@sakura-hoken.example'), '至急ご対応ください',
              '鈴木さん\n\n至急お願いしたい件があります。今は会議中で電話に出られないので、このメールに返信してください。\n',
              args=OUTSIDE)
    write_msg('lure-theme', 'F', 'president\'s name on a free-mail account, asking for a reply',
              ('桜井 隆', 'sakurai.takashi.ceo@gmail.com'), '確認事項',
              '鈴木さん\n\n個人のアドレスから失礼します。本日中に内密にお願いしたいことがあります。返信ください。\n桜井\n')


# -- benign ----------------------------------------------------------------

PARTNER_SENDERS = [
    ('森本 浩二', 'morimoto@tokai-kasai.example', '東海火災保険株式会社 代理店営業部', 'TEL 03-3212-8800', 'https://www.tokai-kasai.example/'),
    ('石川 恵', 'ishikawa@minato-life.example', 'みなと生命保険株式会社 新契約部', 'TEL 03-6880-1200', 'https://www.minato-life.example/'),
    ('山口 真一', 'yamaguchi@kitamura-shoji.example', '北村商事株式会社 総務部', 'TEL 06-6345-7788', 'https://www.kitamura-shoji.example/'),
    ('大塚 亮', 'otsuka@aozora-print.example', '株式会社あおぞら印刷 営業部', 'TEL 03-5820-3311', 'https://www.aozora-print.example/'),
    ('平井 和子', 'hirai@nishiki-sekkei.example', '錦設計事務所', 'TEL 03-6418-2201', 'https://nishiki-sekkei.example/'),
]

BENIGN_TOPICS = [
    ('12月度 代理店会議のご案内', '12月15日（火）14時から、弊社本社会議室にて代理店会議を開催いたします。\n'
     'ご出欠を12月10日までにお知らせください。'),
    ('商品改定説明資料の送付', '来年1月の商品改定に関する説明資料をお送りします。\n主な改定点は、補償内容の一部見直しと保険料の改定です。'),
    ('手数料体系についてのご相談', '来期の手数料体系について、一度打合せの時間をいただけますでしょうか。\n'
     '候補日：12月17日午後、18日午前'),
    ('年末年始の営業について', '弊社の年末年始の営業は12月28日までとなります。\n1月5日より通常営業いたします。'),
    ('ご依頼の資料について', 'ご依頼いただいた事例集を郵送いたしました。2～3日で到着する見込みです。'),
    ('打合せのお礼', '本日はお時間をいただきありがとうございました。\nいただいたご要望は社内で検討し、来週中にご回答いたします。'),
    ('研修会開催のお知らせ', '代理店の皆様向けの実務研修会を1月20日に開催します。\n詳細は弊社ウェブサイトのお知らせ欄をご覧ください。'),
    ('Re: 見積の件', 'お見積りの件、社内で承認されました。正式な発注書は来週お送りします。'),
    ('担当者変更のご挨拶', '1月1日付で担当が変更となります。後任は同じ部署の者が務めます。\n引き続きよろしくお願いいたします。'),
    ('来訪日程の確認', '12月22日（火）15時に御社へお伺いいたします。2名で参ります。'),
]


def benign():
    i = 0
    for t, (subject, text) in enumerate(BENIGN_TOPICS):
        for p in (t % 5, (t + 2) % 5, (t + 4) % 5):
            name, addr, org, tel, site = PARTNER_SENDERS[p]
            body = ('さくら保険サービス\nご担当者様\n\nいつもお世話になっております。%sの%sです。\n\n%s\n\n'
                    'よろしくお願いいたします。\n\n--\n%s\n%s\n%s\n%s\n%s\n'
                    % (org.split()[0], name.split()[0], text, org, name, tel, addr, site))
            write_msg('benign-partner', '', 'partner mail: %s' % subject, (name, addr), subject, body,
                      charset='iso-2022-jp' if i % 4 == 3 else 'utf-8')
            i += 1
    # HTML mail whose links show the address they lead to
    for p in range(5):
        name, addr, org, tel, site = PARTNER_SENDERS[p]
        write_msg('benign-html', '', 'HTML newsletter, link text equals its target', (org.split()[0], 'news@' + addr.split('@')[1]),
                  '%s ニュースレター 12月号' % org.split()[0],
                  text='今月のお知らせ\n%s\n' % site,
                  html=html_page('今月のお知らせをお届けします。', '詳しくは %s をご覧ください。' % a(site),
                                 '%s %s' % (org, tel)))
    customers = [
        ('田中 美穂', 'miho-tanaka@docomo.ne.jp', '', '車両入替の相談', '来月車を買い替えるので、保険の手続きについて教えてください。'),
        ('小川 健', 'k-ogawa@ezweb.ne.jp', '', '住所変更', '引っ越しをしたので、登録の住所を変えたいです。書類を送ってもらえますか。'),
        ('野口 彩', 'aya.noguchi@i.softbank.jp', '', '満期のお知らせについて', '満期のお知らせが届きました。内容は前年と同じで更新をお願いします。'),
        ('石田 剛', 'ishida.tsuyoshi@gmail.com', 'F', '事故の件でご相談', '昨日駐車場で車をこすってしまいました。どうすればよいでしょうか。'),
        ('Jennifer Brooks', 'jbrooks.tokyo@gmail.com', 'F', 'Question about my renewal', 'Hello, my car insurance renews next month. Could you send me the quote in English?'),
        ('山本 恵子', 'keiko.yamamoto@yamamoto-shika.example.jp', '', '医院の火災保険について', '医院の火災保険の見直しを考えています。一度ご来院いただけますか。'),
        ('木村 工務店', 'info@kimura-koumuten.example.jp', '', '賠償責任保険の見積依頼', '請負業者賠償責任保険の見積をお願いします。年間売上は約2億円です。'),
        ('佐々木 洋平', 'y.sasaki@sasaki-farm.example.jp', '', '農業用倉庫の保険', '倉庫を新しく建てたので、保険をかけたいと思っています。'),
    ]
    for name, addr, flags, subject, text in customers:
        write_msg('benign-customer', flags, 'customer mail%s' % (' from free mail' if flags else ''), (name, addr), subject,
                  'さくら保険サービス 御中\n\n%s\n\n%s\n' % (text, name) if not name.startswith('Jennifer')
                  else 'Dear Sakura Hoken,\n\n%s\n\nBest regards,\n%s\n' % (text, name))
    others = [
        ('東海火災保険 代理店システム', 'system@tokai-kasai.example', '代理店システム メンテナンスのお知らせ',
         '12月12日（土）22時から翌6時まで、代理店システムを停止します。\n停止中はログインできません。\nhttps://agent.tokai-kasai.example/info/maintenance\n'),
        ('Global Re Underwriting', 'underwriting@globalre.example.com', 'Treaty renewal 2027 - meeting notes',
         'Dear colleagues,\n\nThank you for the call today. Attached are our notes on the 2027 treaty renewal. '
         'We will revert with the revised terms by 18 December.\n\nKind regards,\nGlobal Re Underwriting\nunderwriting@globalre.example.com\n'),
        ('上海駐在員事務所 陳', 'chen@kitamura-shoji.example', '上海事務所の保険について',
         'お世話になっております。北村商事 上海事務所の陳です。\n上海事務所の賃貸契約更新に伴い、火災保険の証明書が必要になりました。'
         '日本本社経由でお送りいただけますでしょうか。\n'),
        ('あおぞら印刷 大塚', 'otsuka@aozora-print.example', '校正刷りのご確認',
         '年賀状の校正刷りができました。添付のPDFをご確認ください。\n修正がなければ12月14日に印刷に入ります。\n'),
        ('ビル管理 受付', 'uketsuke@kojimachi-bm.example.jp', '消防設備点検のお知らせ',
         '12月18日（金）10時から、さくら麹町ビルの消防設備点検を行います。点検中は非常ベルが鳴ることがあります。\n'),
        ('みなと生命 石川', 'ishikawa@minato-life.example', 'RE: 新契約書類のご送付',
         '佐藤様\n\n書類一式、受領いたしました。不備はございません。\n\n-----Original Message-----\n'
         'From: 佐藤 健一 <k.sato@sakura-hoken.example>\nSubject: 新契約書類のご送付\n\n石川様\n本日、書類一式を発送しました。\n'),
        ('税理士法人 みどり会計', 'office@midori-kaikei.example.jp', '年末調整資料のご案内',
         '年末調整に必要な資料の一覧をお送りします。12月20日までにご準備をお願いいたします。\n'),
    ]
    for disp, addr, subject, text in others:
        write_msg('benign-other', '', 'ordinary inbound mail: %s' % subject, (disp, addr), subject, text)


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith('.eml'):
            os.unlink(os.path.join(OUT, f))
    emotet()
    delivery()
    mailbox()
    password()
    account()
    html_attach()
    lookalike()
    chinese()
    themes()
    benign()
    with open(os.path.join(HERE, 'labels.tsv'), 'w', encoding='utf-8') as fh:
        fh.write('# Held-out inbound lure set of omamori (see README for the references).\n')
        fh.write('# Made by gen.py; do not edit by hand.  Not for tuning rules.\n')
        fh.write('# Labels name the indicators present, not a verdict (see gen.py).\n#\n')
        fh.write('# covers: %s\n' % COVERS)
        fh.write('# config: omamori.conf\n#\n')
        for name, cats, args, note in entries:
            fh.write('%s\t%s\t%s\t%s\n' % (name, cats, args, note))


if __name__ == '__main__':
    main()
