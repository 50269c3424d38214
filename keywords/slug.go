package keywords

import "strings"

// Slug turns a skill name into the lowercase id the lexicon uses:
// "Spring Boot" -> spring-boot, "C++" -> cpp, "C#" -> csharp. Runs of other
// characters become one dash. The lexicon generator, role files and the
// matcher all name keywords with it, so one name always gets one id.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r == '+':
			b.WriteByte('p')
		case r == '#':
			b.WriteString("sharp")
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}
