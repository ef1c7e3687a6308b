/*
 * codes.c — occupation-code syntax (see codes.h): one shape, "dd-dddd.dd",
 * of which a SOC code is the first seven characters.
 */
#include "core/codes.h"

#include <string.h>

/* Whether the n characters of s follow the first n characters of the shape. */
static int shaped(const char *s, size_t n)
{
	static const char shape[] = "dd-dddd.dd";
	for (size_t i = 0; i < n; i++)
		if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != shape[i])
			return 0;
	return 1;
}

int ac_code_is_soc(const char *s)
{
	return s && strlen(s) == AC_SOC_CODE_LEN && shaped(s, AC_SOC_CODE_LEN);
}

int ac_code_is_onet(const char *s)
{
	return s && strlen(s) == AC_ONET_CODE_LEN && shaped(s, AC_ONET_CODE_LEN);
}

int ac_code_is_occupation(const char *s)
{
	return ac_code_is_soc(s) || ac_code_is_onet(s);
}

static int blank(char c)
{
	return c == ' ' || c == '\t';
}

int ac_code_normalise(const char *s, char *buf, size_t size, int *is_soc)
{
	if (!s)
		return 0;
	while (blank(*s))
		s++;
	size_t n = strcspn(s, " \t");
	for (const char *p = s + n; *p; p++)
		if (!blank(*p))
			return 0;
	if ((n != AC_SOC_CODE_LEN && n != AC_ONET_CODE_LEN) || n >= size || !shaped(s, n))
		return 0;
	memcpy(buf, s, n);
	buf[n] = '\0';
	*is_soc = n == AC_SOC_CODE_LEN;
	return 1;
}
