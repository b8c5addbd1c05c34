/*++
 * NAME
 *	om_category 3
 * SUMMARY
 *	category table
 *--*/
#include "config.h"

#include <string.h>

#include "om_category.h"

static const om_category categories[] = {
	{"pii.mynumber", "個人番号（マイナンバー）", "My Number (individual number)",
	 "個人番号は原則メールで送れません。必要な場合は暗号化した添付ファイルにしてください", "do not e-mail My Numbers; if unavoidable, use an encrypted attachment"},
	{"pii.credit_card", "クレジットカード番号", "credit card number",
	 "カード番号をメールに記載しないでください", "do not put card numbers in mail"},
	{"pii.phone", "電話番号", "phone number", "暗号化した添付ファイルに移してください", "move it into an encrypted attachment"},
	{"pii.postal_code", "郵便番号", "postal code", "暗号化した添付ファイルに移してください", "move it into an encrypted attachment"},
	{"pii.address", "住所", "postal address", "暗号化した添付ファイルに移してください", "move it into an encrypted attachment"},
	{"pii.birthdate", "生年月日", "date of birth", "暗号化した添付ファイルに移してください", "move it into an encrypted attachment"},
	{"pii.bank_account", "銀行口座番号", "bank account number", "暗号化した添付ファイルに移してください", "move it into an encrypted attachment"},
	{"pii.email", "個人のメールアドレス", "personal e-mail address", "暗号化した添付ファイルに移してください", "move it into an encrypted attachment"},
	{"pii.name", "氏名", "person's name", "暗号化した添付ファイルに移してください", "move it into an encrypted attachment"},
	{"pii.passport", "旅券番号", "passport number", "暗号化した添付ファイルに移してください", "move it into an encrypted attachment"},
	{"pii.drivers_license", "運転免許証番号", "driver's licence number", "暗号化した添付ファイルに移してください", "move it into an encrypted attachment"},
	{"pii.residence_card", "在留カード番号", "residence card number", "暗号化した添付ファイルに移してください", "move it into an encrypted attachment"},
	{"pii.pension_number", "基礎年金番号", "basic pension number", "暗号化した添付ファイルに移してください", "move it into an encrypted attachment"},
	{"pii.health_insurance", "被保険者証の記号・番号", "health insurance card number", "暗号化した添付ファイルに移してください", "move it into an encrypted attachment"},
	{"pii.policy_number", "保険証券番号", "insurance policy number", "暗号化した添付ファイルに移してください", "move it into an encrypted attachment"},
	{"sensitive", "要配慮個人情報", "sensitive personal information",
	 "要配慮個人情報は原則送信できません。管理者の確認を待ってください", "sensitive data may be sent only in narrow cases; the manager reviews it"},
	{"body.pii", "本文に個人情報", "personal data in the message body",
	 "本文から個人情報を削除し、暗号化した添付ファイルに移して再送してください", "remove it from the body and resend it in an encrypted attachment"},
	{"attach.pii_unencrypted", "暗号化されていない添付ファイルに個人情報", "personal data in an unencrypted attachment",
	 "添付ファイルを暗号化（AES の ZIP かパスワード付きファイル）して再送してください", "encrypt the attachment (AES zip or password-protected file) and resend"},
	{"attach.encrypted", "暗号化された添付ファイル", "encrypted attachment", "", ""},
	{"attach.encrypted_weak", "弱い暗号（ZipCrypto）の ZIP", "zip with weak legacy encryption (ZipCrypto)",
	 "AES で暗号化し直してください", "re-encrypt it with AES"},
	{"attach.unscannable", "検査できない添付ファイル（大きすぎる・深すぎる・壊れている）", "attachment that could not be scanned (too large, too deep or corrupt)",
	 "管理者の確認を待ってください", "the manager reviews it"},
	{"attach.executable", "実行ファイルの添付", "executable attachment", "実行ファイルは送受信できません", "executables are not allowed"},
	{"attach.shortcut", "ショートカットファイルの添付", "shortcut file attachment", "ショートカットは送受信できません", "shortcut files are not allowed"},
	{"attach.double_extension", "二重拡張子のファイル名", "double file extension", "ファイル名を確認してください", "check the file name"},
	{"attach.spaces_before_ext", "拡張子の前に多数の空白", "many spaces before the file extension", "ファイル名を確認してください", "check the file name"},
	{"attach.rlo", "ファイル名に文字の向きを変える制御文字（RLO など）", "bidirectional control character (RLO) in a file name",
	 "開かずに管理者に連絡してください", "do not open it; tell the administrator"},
	{"attach.type_mismatch", "拡張子と中身の種類が一致しない", "file content does not match its extension",
	 "開かずに管理者に連絡してください", "do not open it; tell the administrator"},
	{"recipient.freemail", "フリーメールの宛先", "free-mail recipient",
	 "業務でフリーメール宛に送信することは禁止されています", "business mail must not go to free-mail addresses"},
	{"recipient.mass_visible", "多数の社外アドレスが To/Cc に見えている", "many external addresses visible in To/Cc",
	 "宛先（To）を自分にして、相手先は BCC に入れて再送してください", "put yourself in To and the recipients in Bcc, then resend"},
	{"recipient.new_domain", "初めて送信する社外ドメイン", "external domain not seen before", "宛先に誤りがないか確認してください", "check the recipients"},
	{"cc.manager_missing", "管理者が CC に入っていない", "manager not in Cc", "社外宛のメールは管理者を CC に入れてください", "put your manager in Cc"},
	{"attack.freemail_sender", "フリーメールからの送信", "sent from a free-mail address", "", ""},
	{"attack.signature_mismatch", "署名と差出人のアドレスが違う", "signature address differs from the sender", "", ""},
	{"attack.url_mismatch", "リンクの表示と実際の行き先が違う", "link text and link target differ", "", ""},
	{"attack.lookalike_url", "実在の組織に似せた URL", "URL imitating a real organisation", "", ""},
	{"attack.lookalike_sender", "自社や取引先に似せた差出人ドメイン", "sender domain imitating the firm or a partner", "", ""},
	{"attack.non_japanese_kanji", "日本語で使わない漢字（簡体字・繁体字）", "hanzi not used in Japanese", "", ""},
	{"attack.credential_request", "ID やパスワードの入力を求めている", "asks for an ID or password", "", ""},
	{"attack.theme", "標的型攻撃でよく使われる件名・話題", "a typical targeted-attack lure", "", ""},
	{"attack.spoofed_internal", "送信元の詐称（社外から社内のアドレスを名乗っている）",
	 "sender forged: an outside client uses an internal address", "", ""},
	{"notice.forged", "検証できない送信者通知ヘッダー（X-Omamori-Notice）",
	 "X-Omamori-Notice header that does not verify",
	 "X-Omamori-Notice ヘッダーを付けずに再送してください", "resend without the X-Omamori-Notice header"},
};

/* om_category_get - entry for a name, or NULL */
const om_category *
om_category_get(const char *name)
{
	for (size_t i = 0; i < sizeof(categories) / sizeof(categories[0]); i++)
		if (strcmp(categories[i].name, name) == 0)
			return (categories + i);
	return (NULL);
}

/* om_category_all - the whole table */
const om_category *
om_category_all(unsigned *n)
{
	*n = sizeof(categories) / sizeof(categories[0]);
	return (categories);
}
