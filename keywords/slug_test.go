package keywords

import "testing"

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Spring Boot", "spring-boot"},
		{"C++", "cpp"},
		{"C#", "csharp"},
		{"  Node.js ", "node-js"},
		{"CI/CD", "ci-cd"},
		{"--", ""},
		{"Python 3", "python-3"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
