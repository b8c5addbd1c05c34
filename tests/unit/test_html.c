/*
 * test_html - om_html_read(), as om_html.h describes it: the visible text
 * (blocks as lines, cells as tabs, entities decoded), what the reader is
 * not shown but the mail carries (script, style, head, comments, word
 * attributes) in the hidden text, every link and data: URI to its
 * callback, and bad input (unclosed tags, NUL bytes, broken UTF-8, huge
 * attributes) read without losing the text and within the caps.
 */
#include "config.h"

#include <glib.h>

#include "om_test.h"
#include "om_html.h"

#define LINKS_MAX	8
#define DATA_MAX	4

typedef struct seen {
	om_buf	out;
	om_buf	hidden;
	int	ret;
	unsigned nlinks;
	char   *href[LINKS_MAX];
	char   *text[LINKS_MAX];
	unsigned ndata;
	char   *type[DATA_MAX];
	om_buf	data[DATA_MAX];
} seen;

static void
on_link(void *ctx, const char *href, const char *text)
{
	seen   *s = ctx;

	if (s->nlinks < LINKS_MAX) {
		s->href[s->nlinks] = om_xstrdup(href);
		s->text[s->nlinks++] = om_xstrdup(text);
	}
}

static void
on_data(void *ctx, const char *type, const unsigned char *data, size_t len)
{
	seen   *s = ctx;

	if (s->ndata < DATA_MAX) {
		s->type[s->ndata] = om_xstrdup(type);
		om_buf_init(&s->data[s->ndata], 0);
		om_buf_append(&s->data[s->ndata++], data, len);
	}
}

/* readn - om_html_read of LEN bytes with every sink, caps OUTCAP and HIDCAP */
static void
readn(seen *s, const char *html, size_t len, size_t outcap, size_t hidcap)
{
	om_html_sink sink;

	memset(s, 0, sizeof(*s));
	om_buf_init(&s->out, outcap);
	om_buf_init(&s->hidden, hidcap);
	sink.hidden = &s->hidden;
	sink.link_fn = on_link;
	sink.data_fn = on_data;
	sink.ctx = s;
	s->ret = om_html_read(html, len, &s->out, &sink);
	/* The buffers are NUL-terminated: strstr() below sees all of them. */
	if (s->out.data == NULL)
		om_buf_puts(&s->out, "");
	if (s->hidden.data == NULL)
		om_buf_puts(&s->hidden, "");
}

/* readh - a C string through om_html_read, no caps */
static void
readh(seen *s, const char *html)
{
	readn(s, html, strlen(html), 0, 0);
}

static void
done(seen *s)
{
	om_buf_free(&s->out);
	om_buf_free(&s->hidden);
	for (unsigned i = 0; i < s->nlinks; i++) {
		free(s->href[i]);
		free(s->text[i]);
	}
	for (unsigned i = 0; i < s->ndata; i++) {
		free(s->type[i]);
		om_buf_free(&s->data[i]);
	}
}

#define assert_in(b, s)		assert_in_str((b).data, (s))
#define assert_not_in(b, s)	assert_not_in_str((b).data, (s))
#define assert_in_str(t, s)	do { if (strstr((t), (s)) == NULL) \
	fail_msg("\"%s\" not in \"%s\"", (s), (t)); } while (0)
#define assert_not_in_str(t, s)	do { if (strstr((t), (s)) != NULL) \
	fail_msg("\"%s\" in \"%s\"", (s), (t)); } while (0)

/* Blocks start lines, cells are tabs, white space runs are one space. */
static void
test_visible(void **state)
{
	seen    s;

	(void) state;
	readh(&s, "<p>Hello</p><p>World</p>");
	assert_int_equal(s.ret, 0);
	assert_string_equal(s.out.data, "Hello\nWorld\n");
	assert_string_equal(s.hidden.data, "");
	done(&s);

	readh(&s, "<div>山田\n\n   <b>花子</b>\t様</div>text<br>more");
	assert_string_equal(s.out.data, "山田 花子 様\ntext\nmore");
	done(&s);

	readh(&s, "<table><tr><th>氏名</th><td>山田</td></tr><tr><td>x</td></tr></table>");
	assert_string_equal(s.out.data, "\t氏名\t山田\n\tx\n");
	done(&s);

	/* An image's alt text stands where the image would. */
	readh(&s, "before <img src=\"cid:a\" alt=\"地図\"> after");
	assert_string_equal(s.out.data, "before 地図 after\n");
	assert_not_in(s.hidden, "地図");
	done(&s);

	readh(&s, "no tags at all");
	assert_string_equal(s.out.data, "no tags at all\n");
	done(&s);

	readh(&s, "");
	assert_int_equal(s.ret, 0);
	assert_int_equal(s.out.len, 0);
	done(&s);
}

/* Character references are decoded to UTF-8; unknown ones stay as written. */
static void
test_entities(void **state)
{
	seen    s;

	(void) state;
	readh(&s, "<p>Tom &amp; Jerry &lt;b&gt; &#x3042;&#12354;&#X3044; a&nbsp;b &copy; &bogus;</p>");
	assert_string_equal(s.out.data, "Tom & Jerry <b> ああい a\xc2\xa0" "b \xc2\xa9 &bogus;\n");
	done(&s);

	/* A number written as references is still the number. */
	readh(&s, "<p>&#48;&#57;&#48;-&#x31;&#x32;34-5678</p>");
	assert_string_equal(s.out.data, "090-1234-5678\n");
	done(&s);

	/* Attribute values too. */
	readh(&s, "<input value=\"&#x5C71;&#30000; &amp; co\">");
	assert_in(s.hidden, "山田 & co");
	done(&s);
}

/* script, style, head, noscript, template: hidden, never visible. */
static void
test_not_shown(void **state)
{
	static const char html[] =
		"<html><head><title>件名T</title><style>.x{color:red}</style>"
		"<script>var a = 'S1';</script></head><body><p>vis<script>var b = 'S2'</script>ible</p>"
		"<noscript>NS</noscript><template>TP</template><p>end</p></body></html>";
	om_buf  out;
	seen    s;

	(void) state;
	readh(&s, html);
	assert_int_equal(s.ret, 0);
	assert_string_equal(s.out.data, "visible\nend\n");
	assert_in(s.hidden, "件名T");
	assert_in(s.hidden, ".x{color:red}");
	assert_in(s.hidden, "'S1'");
	assert_in(s.hidden, "'S2'");
	assert_in(s.hidden, "NS");
	assert_in(s.hidden, "TP");
	done(&s);

	/* Without a hidden buffer, om_html_text: dropped. */
	om_buf_init(&out, 0);
	assert_int_equal(om_html_text(html, sizeof(html) - 1, &out, NULL, NULL), 0);
	om_buf_puts(&out, "");
	assert_string_equal(out.data, "visible\nend\n");
	om_buf_free(&out);
}

/* Comments: hidden, and the text around them joins as the reader sees it. */
static void
test_comments(void **state)
{
	seen    s;

	(void) state;
	readh(&s, "<!-- before html --><html><body><p>ab<!-- 携帯 090-1234-5678 -->cd</p></body></html><!-- after -->");
	assert_string_equal(s.out.data, "abcd\n");
	assert_in(s.hidden, "before html");
	assert_in(s.hidden, "携帯 090-1234-5678");
	assert_in(s.hidden, "after");
	done(&s);

	/* Comments inside script are script text: hidden as well. */
	readh(&s, "<script><!-- hide me --></script><p>x</p>");
	assert_string_equal(s.out.data, "x\n");
	assert_in(s.hidden, "hide me");
	done(&s);
}

/*
 * What libxml2 takes for a comment that never ends: "<!-->" and
 * "<!--->" close at once for a reader's HTML5 parser, so what follows
 * is shown; after a "<!--" with no "-->" the text is not shown, but
 * it is carried. Either way it must be read. So must a processing
 * instruction, a comment to HTML5.
 */
static void
test_comment_unclosed(void **state)
{
	static const char *const cases[] = {
		"<p>x<!-->携帯 090-1234-5678</p>",
		"<p>x<!--->携帯 090-1234-5678</p>",
		"<p>x</p><!-- 携帯 090-1234-5678",
		"<p>x</p><!-- ok --><p>y</p><!-- 携帯 090-1234-5678",
		"<p>x</p><!-- a <!-- 090-1234-5678",
		"<p>x</p><?xml 携帯 090-1234-5678 ?><p>y</p>",
	};
	seen    s;

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		readh(&s, cases[i]);
		assert_int_equal(s.ret, 0);
		if (strstr(s.out.data, "090-1234-5678") == NULL && strstr(s.hidden.data, "090-1234-5678") == NULL)
			fail_msg("case %zu: lost: \"%s\" / \"%s\"", i, s.out.data, s.hidden.data);
		assert_in(s.out, "x");
		done(&s);
	}
	/* Closed comments are not read twice. */
	readh(&s, "<p>x<!-- 090-1234-5678 -->y</p><!---->z");
	assert_in(s.hidden, "090-1234-5678");
	assert_not_in_str(strstr(s.hidden.data, "090-1234-5678") + 1, "090-1234-5678");
	assert_not_in(s.out, "090");
	assert_in(s.out, "xy");
	assert_in(s.out, "z");
	done(&s);
}

/* Attributes that hold words are hidden text; others are not text. */
static void
test_attributes(void **state)
{
	seen    s;

	(void) state;
	readh(&s, "<p title=\"T1\" class=\"C1\" style=\"color:red\" id=\"I1\">x</p>"
	      "<input value=\"V1\" placeholder=\"P1\" name=\"N1\"><div data-cust=\"D1\" aria-label=\"A1\"></div>"
	      "<a href=\"http://h.example/H1\" title=\"T2\">y</a><area alt=\"A2\"><abbr title=\"T3\">z</abbr>"
	      "<meta name=\"author\" content=\"M1\"><table summary=\"S1\"></table>");
	assert_string_equal(s.out.data, "x\nyz\n");
	assert_in(s.hidden, "T1");
	assert_in(s.hidden, "V1");
	assert_in(s.hidden, "P1");
	assert_in(s.hidden, "D1");
	assert_in(s.hidden, "A1");
	assert_in(s.hidden, "T2");
	assert_in(s.hidden, "A2");
	assert_in(s.hidden, "T3");
	assert_in(s.hidden, "M1");
	assert_in(s.hidden, "S1");
	assert_not_in(s.hidden, "C1");
	assert_not_in(s.hidden, "color:red");
	assert_not_in(s.hidden, "I1");
	assert_not_in(s.hidden, "N1");
	assert_not_in(s.hidden, "H1");
	done(&s);

	/* One value a line: two values never run into one word. */
	readh(&s, "<input value=\"090\" placeholder=\"12345678\">");
	assert_not_in(s.hidden, "09012345678");
	done(&s);
}

/*
 * A guard: om_html does not judge CSS, so text hidden by style
 * (display:none, font-size:0, white on white, the hidden attribute) is
 * read as visible text - it is never lost.
 */
static void
test_css_hidden(void **state)
{
	seen    s;

	(void) state;
	readh(&s, "<p style=\"display:none\">DN</p><span style=\"font-size:0\">FS</span>"
	      "<font color=\"#ffffff\" style=\"background:#fff\">WW</font><div hidden>HA</div>"
	      "<span style=\"visibility:hidden;opacity:0\">VH</span>");
	assert_int_equal(s.ret, 0);
	assert_in(s.out, "DN");
	assert_in(s.out, "FS");
	assert_in(s.out, "WW");
	assert_in(s.out, "HA");
	assert_in(s.out, "VH");
	done(&s);
}

/* Every <a href> with the text it shows; long texts cut between characters. */
static void
test_links(void **state)
{
	om_buf  html;
	seen    s;

	(void) state;
	readh(&s, "<a href=\"https://bank.example/login\">ログイン <b>こちら</b></a> and "
	      "<a href=\"http://x.example/\"><img alt=\"画像\"></a><a name=\"anchor\">no href</a>");
	assert_int_equal(s.nlinks, 2);
	assert_string_equal(s.href[0], "https://bank.example/login");
	assert_string_equal(s.text[0], "ログイン こちら");
	assert_string_equal(s.href[1], "http://x.example/");
	assert_string_equal(s.text[1], "画像");
	assert_in(s.out, "ログイン こちら and 画像no href");
	done(&s);

	/*
	 * "x" and 700 three-byte characters (2101 bytes): cut below 1024
	 * bytes, where a character ends; exactly 1024 bytes: cut as well.
	 */
	om_buf_init(&html, 0);
	om_buf_puts(&html, "<a href=\"http://long.example/\">x");
	for (int i = 0; i < 700; i++)
		om_buf_puts(&html, "あ");
	om_buf_puts(&html, "</a>");
	readn(&s, html.data, html.len, 0, 0);
	assert_int_equal(s.nlinks, 1);
	assert_true(strlen(s.text[0]) < 1024);
	assert_true(strlen(s.text[0]) > 1000);
	assert_int_equal((strlen(s.text[0]) - 1) % 3, 0);
	assert_true(g_utf8_validate(s.text[0], -1, NULL));
	/* The visible text keeps all of it. */
	assert_int_equal(s.out.len, 2101);
	done(&s);
	om_buf_reset(&html);
	om_buf_puts(&html, "<a href=\"http://edge.example/\">");
	for (int i = 0; i < 1024; i++)
		om_buf_putc(&html, 'a' + i % 26);
	om_buf_puts(&html, "</a>");
	readn(&s, html.data, html.len, 0, 0);
	assert_int_equal(s.nlinks, 1);
	assert_int_equal(strlen(s.text[0]), 1023);
	assert_int_equal(strncmp(s.text[0], "abcdefghijklmnopqrstuvwxyz", 26), 0);
	done(&s);
	om_buf_free(&html);
}

/* data: URIs of any attribute are decoded to the callback. */
static void
test_data_uri(void **state)
{
	seen    s;

	(void) state;
	readh(&s, "<img src=\"data:image/png;base64,aGVsbG8=\" alt=\"pic\">"
	      "<a href=\" data:text/csv;charset=utf-8,%E6%B0%8F%E5%90%8D,x%2\">csv</a>"
	      "<object data=\"data:,plain%20text\"></object><img src=\"data:nocomma\">");
	assert_int_equal(s.ret, 0);
	assert_int_equal(s.ndata, 3);
	assert_string_equal(s.type[0], "image/png");
	assert_buf_eq(&s.data[0], "hello");
	assert_string_equal(s.type[1], "text/csv");
	/* A broken escape is kept as written. */
	assert_buf_eq(&s.data[1], "氏名,x%2");
	assert_string_equal(s.type[2], "text/plain");
	assert_buf_eq(&s.data[2], "plain text");
	/* Not hidden text as well: the callback has it. */
	assert_not_in(s.hidden, "aGVsbG8");
	done(&s);
}

/* Unclosed and stray markup: the text is still read, in order. */
static void
test_malformed(void **state)
{
	seen    s;

	(void) state;
	readh(&s, "<p>abc<b>def<i>ghi");
	assert_int_equal(s.ret, 0);
	assert_string_equal(s.out.data, "abcdefghi\n");
	done(&s);

	readh(&s, "<div><p>one<p>two</div></span></p>three</html>four");
	assert_in(s.out, "one\ntwo\n");
	assert_in(s.out, "three");
	assert_in(s.out, "four");
	done(&s);

	readh(&s, "a < b and c > d <<<>>> <p <b>bold</b>");
	assert_in(s.out, "a < b and c > d");
	assert_in(s.out, "bold");
	done(&s);

	/* Text after the end of the document is text. */
	readh(&s, "<html><body>x</body></html>tail text");
	assert_in(s.out, "tail text");
	done(&s);

	/* A tag cut by the end of the input. */
	readh(&s, "<p>kept</p><a href=\"http://cut.example/");
	assert_int_equal(s.ret, 0);
	assert_in(s.out, "kept");
	done(&s);

	/* Deep nesting: no recursion, no crash. */
	{
		om_buf  deep;

		om_buf_init(&deep, 0);
		for (int i = 0; i < 20000; i++)
			om_buf_puts(&deep, "<div><span>");
		om_buf_puts(&deep, "bottom");
		readn(&s, deep.data, deep.len, 0, 0);
		assert_int_equal(s.ret, 0);
		om_buf_free(&deep);
		done(&s);
	}
}

/*
 * A huge attribute is read within the caps: the hidden buffer stops at
 * its cap and the read says so; an attribute that is not text costs
 * no room at all.
 */
static void
test_huge_attribute(void **state)
{
	const size_t big = 4 * 1024 * 1024, cap = 64 * 1024;
	om_buf  html;
	seen    s;

	(void) state;
	om_buf_init(&html, 0);
	om_buf_puts(&html, "<p title=\"");
	for (size_t i = 0; i < big; i++)
		om_buf_putc(&html, 'a' + (int) (i % 26));
	om_buf_puts(&html, "\">visible</p>");
	readn(&s, html.data, html.len, cap, cap);
	assert_int_equal(s.ret, -1);
	assert_true(s.hidden.len <= cap);
	done(&s);

	/* Not a word attribute: nothing copied, the text read in full. */
	memcpy(html.data + 3, "class", 5);
	readn(&s, html.data, html.len, cap, cap);
	assert_int_equal(s.ret, 0);
	assert_int_equal(s.hidden.len, 0);
	assert_string_equal(s.out.data, "visible\n");
	done(&s);

	/* The visible text has its cap as well. */
	om_buf_reset(&html);
	om_buf_puts(&html, "<p>");
	for (size_t i = 0; i < 2 * cap; i++)
		om_buf_putc(&html, 'x');
	readn(&s, html.data, html.len, cap, cap);
	assert_int_equal(s.ret, -1);
	assert_true(s.out.len <= cap);
	done(&s);
	om_buf_free(&html);
}

/* A NUL byte does not end the document: what follows is read. */
static void
test_nul(void **state)
{
	static const char html[] = "<p>abc\0def</p><!-- c\0d --><script>e\0f</script><p>ghi</p>";
	seen    s;

	(void) state;
	readn(&s, html, sizeof(html) - 1, 0, 0);
	assert_int_equal(s.ret, 0);
	assert_in(s.out, "abc");
	assert_in(s.out, "def");
	assert_in(s.out, "ghi");
	assert_true(strlen(s.out.data) == s.out.len);
	done(&s);
}

/*
 * A NUL byte inside a tag or an attribute value (a reader's HTML5 parser
 * shows U+FFFD there and goes on) must not hide the rest of the
 * document either.
 */
static void
test_nul_in_markup(void **state)
{
	static const struct {
		const char *html;
		size_t	len;
	} cases[] = {
#define NUL_CASE(s) {s, sizeof(s) - 1}
		NUL_CASE("<p>abc</p><p title=\"t\0u\">携帯 090-1234-5678</p>"),
		NUL_CASE("<p>abc</p><p\0>携帯 090-1234-5678</p><p>end</p>"),
		NUL_CASE("<p>abc</p><a href=\"http://x.example/\0\">携帯 090-1234-5678</a>"),
		NUL_CASE("<p>abc</p><\0p>携帯 090-1234-5678"),
#undef NUL_CASE
	};
	seen    s;

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		readn(&s, cases[i].html, cases[i].len, 0, 0);
		assert_int_equal(s.ret, 0);
		if (strstr(s.out.data, "090-1234-5678") == NULL && strstr(s.hidden.data, "090-1234-5678") == NULL)
			fail_msg("case %zu: the text after the NUL is lost: \"%s\"", i, s.out.data);
		done(&s);
	}
}

/*
 * Bytes that are not UTF-8 (a character cut in two, a stray byte) do
 * not stop the reading; references to what is not a character
 * (surrogates, NUL, beyond U+10FFFF) never make the text invalid UTF-8.
 */
static void
test_utf8_split(void **state)
{
	static const char *const cases[] = {
		"<p>before \xff\xfe after</p><p>next</p>",
		"<p>cut \xe3\x81</p><p>next</p>",
		"<p>cut \xe3</p><p title=\"\xe3\x81\">next</p>",
		"<p>overlong \xc0\xaf then</p><p>next</p>",
		"<p>surrogate \xed\xa0\x80 then</p><p>next</p>",
	};
	seen    s;

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		readh(&s, cases[i]);
		assert_int_equal(s.ret, 0);
		assert_in(s.out, "next");
		done(&s);
	}
	readh(&s, "<p>last \xe3\x81");
	assert_int_equal(s.ret, 0);
	assert_in(s.out, "last");
	done(&s);

	readh(&s, "<p title=\"&#xD800;\">a&#xDFFF;b&#0;c&#x110000;d&#55296;e&#xFFFE;</p>");
	assert_true(g_utf8_validate(s.out.data, (gssize) s.out.len, NULL));
	assert_true(g_utf8_validate(s.hidden.data, (gssize) s.hidden.len, NULL));
	assert_in(s.out, "a");
	assert_in(s.out, "e");
	done(&s);

	/* A whole character just before the cut one is kept. */
	readh(&s, "<p>山\xe5\xb1</p>");
	assert_in(s.out, "山");
	done(&s);
}

/*
 * Login forms a script writes from an encoded string (om_html_forms):
 * each way of hiding the same form is read back to its password input.
 */
#define HIDDEN_FORM	"<form method=\"post\" action=\"https://doc-login-view.example/p.php\">" \
			"Mail <input name=\"e\"> Password <input type=\"password\" name=\"p\"></form>"

/* forms_of - om_html_forms() of a page with enc put in place of its "%s" */
static unsigned
forms_of(const char *fmt, const char *enc, char *action, size_t size)
{
	const char *at = strstr(fmt, "%s");
	char   *page = g_strdup_printf("%.*s%s%s", (int) (at - fmt), fmt, enc, at + 2);
	unsigned found = om_html_forms(page, strlen(page), action, size);

	g_free(page);
	return (found);
}

static void
test_forms_script(void **state)
{
	const char *form = HIDDEN_FORM;
	size_t  n = strlen(form);
	gchar  *b64 = g_base64_encode((const guchar *) form, n);
	GString *pct = g_string_new(""), *codes = g_string_new(""), *hex = g_string_new(""),
		*uni = g_string_new("");
	char    action[256];
	unsigned found;
	struct {
		const char *fmt;
		const char *enc;
	} cases[7];

	(void) state;
	for (size_t i = 0; i < n; i++) {
		g_string_append_printf(pct, "%%%02X", (unsigned char) form[i]);
		g_string_append_printf(codes, "%s%u", i ? ", " : "", (unsigned char) form[i]);
		g_string_append_printf(hex, "\\x%02x", (unsigned char) form[i]);
		g_string_append_printf(uni, "\\u%04x", (unsigned char) form[i]);
	}
	cases[0].fmt = "<script>document.write(atob(\"%s\"));</script>";
	cases[0].enc = b64;
	cases[1].fmt = "<script>var s = '%s'; var t = s;\ndocument.body.innerHTML = window.atob(t)</script>";
	cases[1].enc = b64;
	cases[2].fmt = "<body><script>document.write(unescape(\"%s\"))</script>";
	cases[2].enc = pct->str;
	cases[3].fmt = "<script>document.writeln(decodeURIComponent('%s'))</script>";
	cases[3].enc = pct->str;
	cases[4].fmt = "<script>document.write(String.fromCharCode(%s));</script>";
	cases[4].enc = codes->str;
	cases[5].fmt = "<div id=x></div><script>document.getElementById('x').insertAdjacentHTML('beforeend', \"%s\")</script>";
	cases[5].enc = uni->str;
	cases[6].fmt = "<iframe src=\"data:text/html;base64,%s\"></iframe>";
	cases[6].enc = b64;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		found = forms_of(cases[i].fmt, cases[i].enc, action, sizeof(action));
		if (!(found & OM_HTML_PASSWORD) || !(found & OM_HTML_SCRIPTED))
			fail_msg("case %zu: found %#x", i, found);
		assert_string_equal(action, "https://doc-login-view.example/p.php");
	}
	/* Hex escapes in an event handler; a literal cut in two and joined. */
	found = forms_of("<body onload='document.write(\"%s\")'>", hex->str, action, sizeof(action));
	assert_true(found & OM_HTML_PASSWORD);
	{
		char   *cut = g_strdup_printf("%.9s\" +\n \"%s", b64, b64 + 9);

		found = forms_of("<script>var a = \"%s\"; document.write(atob(a));</script>", cut, action,
				 sizeof(action));
		assert_true(found & OM_HTML_PASSWORD);
		g_free(cut);
	}
	/* A variable of one script used by the next. */
	found = forms_of("<script>var k = \"%s\";</script><p>x</p><script>document.write(atob(k))</script>", b64,
			 action, sizeof(action));
	assert_true(found & OM_HTML_PASSWORD);
	/* UTF-8 through escape() and decodeURIComponent; jQuery's html(). */
	found = forms_of("<script>document.write(decodeURIComponent(escape(self.atob('%s'))))</script>", b64,
			 action, sizeof(action));
	assert_true(found & OM_HTML_PASSWORD);
	found = forms_of("<script>$(\"#x\").html(atob(\"%s\"));</script>", b64, action, sizeof(action));
	assert_true(found & OM_HTML_PASSWORD);
	/* The same markup in plain view is no script's. */
	found = om_html_forms(form, n, action, sizeof(action));
	assert_true(found & OM_HTML_PASSWORD);
	assert_false(found & (OM_HTML_SCRIPTED | OM_HTML_OBFUSCATED));
	g_free(b64);
	g_string_free(pct, TRUE);
	g_string_free(codes, TRUE);
	g_string_free(hex, TRUE);
	g_string_free(uni, TRUE);
}

/* Scripts that hide what they write, or where they send the reader. */
static void
test_forms_obfuscated(void **state)
{
	static const char *const hidden[] = {
		"<script>var k = load(); document.write(atob(k.split('').reverse().join('')))</script>",
		"<script>eval(function(p,a,c,k,e,d){return p}('0 1',2,2,'a|b'.split('|'),0,{}))</script>",
		"<script>document.write(unescape(x))</script>",
		"<script>el.innerHTML = dec(\"VGhpcyBpcyBvbmx5IGEgbG9uZyBwYXlsb2FkIHRoYXQgYSBwYWdlIGRlY29kZXMgd2l0aCBpdHMgb3duIGZ1bmN0aW9uIGJlZm9yZSB3cml0aW5nIGl0IGludG8gdGhlIHBhZ2UsIHNvIGl0IGNhbm5vdCBiZSByZWFkIGhlcmUgYXQgYWxsWW91IGNhbm5vdCByZWFkIHRoaXMgZWl0aGVy\")</script>",
	};
	char    action[256];
	char   *page;
	gchar  *url;
	unsigned found;

	(void) state;
	for (size_t i = 0; i < sizeof(hidden) / sizeof(hidden[0]); i++) {
		found = om_html_forms(hidden[i], strlen(hidden[i]), action, sizeof(action));
		if (!(found & OM_HTML_OBFUSCATED))
			fail_msg("case %zu: found %#x", i, found);
	}
	url = g_base64_encode((const guchar *) "http://203.0.113.77:8080/owa/login.php", 38);
	page = g_strdup_printf("<script>window.location.href = atob('%s');</script>", url);
	found = om_html_forms(page, strlen(page), action, sizeof(action));
	assert_true(found & OM_HTML_REDIRECT);
	assert_string_equal(action, "http://203.0.113.77:8080/owa/login.php");
	g_free(page);
	g_free(url);
}

/*
 * Guard: ordinary page scripts stay clean: the classic analytics snippet
 * (unescape of literals around a variable), a date written in, a plain
 * redirect, a survey form in view.
 */
static void
test_forms_benign_scripts(void **state)
{
	static const char *const pages[] = {
		"<script type=\"text/javascript\">var gaJsHost = ((\"https:\" == document.location.protocol) ? "
		"\"https://ssl.\" : \"http://www.\");\ndocument.write(unescape(\"%3Cscript src='\" + gaJsHost + "
		"\"google-analytics.com/ga.js' type='text/javascript'%3E%3C/script%3E\"));</script>",
		"<p id=d></p><script>document.getElementById('d').innerHTML = new Date().toLocaleDateString();</script>",
		"<script>location.href = \"https://www.sakura-hoken.example/news/\";</script>",
		"<script>var q = encodeURIComponent(document.title); document.write('<img src=\"/t.gif?' + q + '\">');</script>",
		"<script>var data = eval(\"(\" + req.responseText + \")\");</script>",
	};
	char    action[256];
	unsigned found;

	(void) state;
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		found = om_html_forms(pages[i], strlen(pages[i]), action, sizeof(action));
		if (found != 0)
			fail_msg("case %zu: found %#x", i, found);
	}
}

/* Bounds: encodings nested past the depth, a huge payload, stay bounded. */
static void
test_forms_bounds(void **state)
{
	char   *layer = g_strdup(HIDDEN_FORM), *page;
	char    action[256];
	unsigned found;

	(void) state;
	/* Ten pages each writing the next: only the first few are read. */
	for (int i = 0; i < 10; i++) {
		gchar  *b = g_base64_encode((const guchar *) layer, strlen(layer));

		g_free(layer);
		layer = g_strdup_printf("<script>document.write(atob(\"%s\"))</script>", b);
		g_free(b);
	}
	found = om_html_forms(layer, strlen(layer), action, sizeof(action));
	assert_false(found & OM_HTML_PASSWORD);
	g_free(layer);
	/* Two layers are read through. */
	{
		gchar  *b1 = g_base64_encode((const guchar *) HIDDEN_FORM, strlen(HIDDEN_FORM));
		gchar  *l1 = g_strdup_printf("<script>document.write(atob(\"%s\"))</script>", b1);
		gchar  *b2 = g_base64_encode((const guchar *) l1, strlen(l1));

		page = g_strdup_printf("<script>document.write(atob(\"%s\"))</script>", b2);
		found = om_html_forms(page, strlen(page), action, sizeof(action));
		assert_true(found & OM_HTML_PASSWORD);
		g_free(page);
		g_free(b1);
		g_free(l1);
		g_free(b2);
	}
	/*
	 * Twenty thousand writes of a 500 KiB variable would copy 10 GB:
	 * the work per document is bounded, so this returns at once.
	 */
	{
		GString *g = g_string_new("<script>var s = \"");

		for (int i = 0; i < 500000; i++)
			g_string_append_c(g, 'Q');
		g_string_append(g, "\";");
		for (int i = 0; i < 20000; i++)
			g_string_append(g, "document.write(s);");
		g_string_append(g, "</script>");
		found = om_html_forms(g->str, g->len, action, sizeof(action));
		assert_false(found & OM_HTML_PASSWORD);
		g_string_free(g, TRUE);
	}
	/* 8 MiB of base64 in one literal: past the caps, nothing crashes. */
	{
		size_t  n = 8u << 20;
		char   *big = g_malloc(n + 64);

		memcpy(big, "<script>document.write(atob(\"", 29);
		memset(big + 29, 'A', n);
		memcpy(big + 29 + n, "\"))</script>", 13);
		found = om_html_forms(big, strlen(big), action, sizeof(action));
		assert_false(found & OM_HTML_PASSWORD);
		g_free(big);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_visible),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_not_shown),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_comment_unclosed),
		cmocka_unit_test(test_attributes),
		cmocka_unit_test(test_css_hidden),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_data_uri),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_huge_attribute),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_nul_in_markup),
		cmocka_unit_test(test_utf8_split),
		cmocka_unit_test(test_forms_script),
		cmocka_unit_test(test_forms_obfuscated),
		cmocka_unit_test(test_forms_benign_scripts),
		cmocka_unit_test(test_forms_bounds),
	};

	om_log_open("test_html", 0, 0);
	om_html_init();
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
