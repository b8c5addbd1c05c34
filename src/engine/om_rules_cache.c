/*++
 * NAME
 *	om_rules_cache 3
 * SUMMARY
 *	compiled vectorscan databases kept between runs
 * SYNOPSIS
 *	#include "om_rules_int.h"
 *
 *	hs_error_t rules_cache_compile_multi(pats, flags, ids, n, db)
 *
 *	int	rules_cache_trials(what, n, out)
 *	int	rules_cache_trials_save(what, n, out)
 * DESCRIPTION
 *	Compiling the rule set's databases is most of the time "omamori
 *	scan" takes on a small message. rules_cache_compile_multi() does
 *	what hs_compile_multi() does, but first looks for a serialized
 *	database in the cache directory under a SHA-256 of everything the
 *	compile depends on: every expression, flag and id, the vectorscan
 *	version, and this build of omamori; it writes one after compiling.
 *	rules_cache_trials*() keep the same way which rules vectorscan
 *	takes as prefilters (one byte per rule).
 *
 *	The cache directory is $OMAMORI_CACHE_DIR, else
 *	$XDG_CACHE_HOME/omamori, else $HOME/.cache/omamori; it is made 0700
 *	and used only when it belongs to the user and no one else may write
 *	it. A file that is missing, unreadable or that vectorscan does not
 *	take is the same as no cache: the database is compiled. Files are
 *	written to a temporary name and renamed, so readers never see half
 *	of one. OMAMORI_CACHE_DIR set to an empty string turns it off.
 *--*/
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "om_log.h"
#include "om_rules_int.h"

#define CACHE_FORMAT	"omamori rules cache 1"
#define CACHE_FILE_MAX	((size_t) 256 << 20)	/* largest database read back */

/* cache_dir - the directory, made when missing; NULL: no cache */
static const char *
cache_dir(char *buf, size_t size)
{
	const char *e = getenv("OMAMORI_CACHE_DIR"), *home;
	struct stat st;

	if (e != NULL) {
		if (*e == 0)
			return (NULL);
		snprintf(buf, size, "%s", e);
	} else if ((e = getenv("XDG_CACHE_HOME")) != NULL && *e == '/') {
		snprintf(buf, size, "%s/omamori", e);
	} else if ((home = getenv("HOME")) != NULL && *home == '/') {
		char    parent[4096];

		snprintf(parent, sizeof(parent), "%s/.cache", home);
		if (mkdir(parent, 0700) < 0 && errno != EEXIST)
			return (NULL);
		snprintf(buf, size, "%s/.cache/omamori", home);
	} else
		return (NULL);
	if (mkdir(buf, 0700) < 0 && errno != EEXIST)
		return (NULL);
	if (stat(buf, &st) < 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 022))
		return (NULL);
	return (buf);
}

/* cache_key - hex SHA-256 of the compile's inputs, with a kind */
static void
cache_key(const char *kind, const char *const *pats, const unsigned *flags, const unsigned *ids,
	  size_t n, char out[65])
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	char    num[64];

	if (ctx == NULL)
		om_panic("out of memory");
	EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
	EVP_DigestUpdate(ctx, CACHE_FORMAT, sizeof(CACHE_FORMAT));
	EVP_DigestUpdate(ctx, kind, strlen(kind) + 1);
	EVP_DigestUpdate(ctx, hs_version(), strlen(hs_version()) + 1);
	/* This build: another build may compile the same rules differently. */
	EVP_DigestUpdate(ctx, PACKAGE_VERSION " " __DATE__ " " __TIME__, sizeof(PACKAGE_VERSION " " __DATE__ " " __TIME__));
	for (size_t i = 0; i < n; i++) {
		snprintf(num, sizeof(num), "%u %u ", flags[i], ids ? ids[i] : 0);
		EVP_DigestUpdate(ctx, num, strlen(num));
		EVP_DigestUpdate(ctx, pats[i], strlen(pats[i]) + 1);
	}
	EVP_DigestFinal_ex(ctx, md, &mdlen);
	EVP_MD_CTX_free(ctx);
	for (unsigned i = 0; i < 32 && i < mdlen; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
	out[64] = 0;
}

/* read_file - the whole file in malloc'ed memory, or NULL */
static char *
read_file(const char *path, size_t *len)
{
	int     fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	char   *buf;
	size_t  off = 0;

	if (fd < 0)
		return (NULL);
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid()
	    || st.st_size <= 0 || (size_t) st.st_size > CACHE_FILE_MAX
	    || (buf = malloc((size_t) st.st_size)) == NULL) {
		close(fd);
		return (NULL);
	}
	while (off < (size_t) st.st_size) {
		ssize_t r = read(fd, buf + off, (size_t) st.st_size - off);

		if (r <= 0) {
			close(fd);
			free(buf);
			return (NULL);
		}
		off += (size_t) r;
	}
	close(fd);
	*len = off;
	return (buf);
}

/* write_file - write whole, to a temporary name, then rename; errors are ignored */
static void
write_file(const char *dir, const char *name, const void *data, size_t len)
{
	char    tmp[4200], path[4200];
	int     fd;
	size_t  off = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	snprintf(tmp, sizeof(tmp), "%s/.%s.%ld", dir, name, (long) getpid());
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) < 0)
		return;
	while (off < len) {
		ssize_t w = write(fd, (const char *) data + off, len - off);

		if (w <= 0)
			break;
		off += (size_t) w;
	}
	if (close(fd) < 0 || off != len || rename(tmp, path) < 0)
		(void) unlink(tmp);
}

/* rules_cache_compile_multi - hs_compile_multi(), through the cache */
hs_error_t
rules_cache_compile_multi(const char *const *pats, const unsigned *flags, const unsigned *ids,
			  unsigned n, hs_database_t **db, hs_compile_error_t **cerr)
{
	char    dbuf[4096], key[65], name[80], path[4200];
	const char *dir = cache_dir(dbuf, sizeof(dbuf));
	char   *bytes;
	size_t  len;
	hs_error_t rc;

	*db = NULL;
	if (dir != NULL) {
		cache_key("db", pats, flags, ids, n, key);
		snprintf(name, sizeof(name), "%s.hsdb", key);
		snprintf(path, sizeof(path), "%s/%s", dir, name);
		if ((bytes = read_file(path, &len)) != NULL) {
			rc = hs_deserialize_database(bytes, len, db);
			free(bytes);
			if (rc == HS_SUCCESS)
				return (HS_SUCCESS);
			*db = NULL;
			om_debug("%s: not a database of this vectorscan; compiling", path);
		}
	}
	rc = hs_compile_multi(pats, flags, ids, n, HS_MODE_BLOCK, NULL, db, cerr);
	if (rc == HS_SUCCESS && dir != NULL && hs_serialize_database(*db, &bytes, &len) == HS_SUCCESS) {
		write_file(dir, name, bytes, len);
		free(bytes);
	}
	return (rc);
}

/* rules_cache_trials - the kept prefilter trial results of these n expressions; 0 found, -1 not */
int
rules_cache_trials(const char *const *pats, const unsigned *flags, size_t n, unsigned char *out)
{
	char    dbuf[4096], key[65], path[4200];
	const char *dir = cache_dir(dbuf, sizeof(dbuf));
	char   *bytes;
	size_t  len;

	if (dir == NULL || n == 0)
		return (-1);
	cache_key("trials", pats, flags, NULL, n, key);
	snprintf(path, sizeof(path), "%s/%s.trials", dir, key);
	if ((bytes = read_file(path, &len)) == NULL)
		return (-1);
	if (len != n) {
		free(bytes);
		return (-1);
	}
	for (size_t i = 0; i < n; i++)
		if (bytes[i] != '0' && bytes[i] != '1') {
			free(bytes);
			return (-1);
		}
	for (size_t i = 0; i < n; i++)
		out[i] = bytes[i] == '1';
	free(bytes);
	return (0);
}

/* rules_cache_trials_save - keep these trial results */
void
rules_cache_trials_save(const char *const *pats, const unsigned *flags, size_t n, const unsigned char *ok)
{
	char    dbuf[4096], key[65], name[80];
	const char *dir = cache_dir(dbuf, sizeof(dbuf));
	char   *bytes;

	if (dir == NULL || n == 0 || (bytes = malloc(n)) == NULL)
		return;
	cache_key("trials", pats, flags, NULL, n, key);
	snprintf(name, sizeof(name), "%s.trials", key);
	for (size_t i = 0; i < n; i++)
		bytes[i] = ok[i] ? '1' : '0';
	write_file(dir, name, bytes, n);
	free(bytes);
}
