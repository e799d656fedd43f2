package sitetest

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// TestHTMLValid runs the Nu Html Checker over every HTML file (and the
// stylesheet) of the example site and of the multi-province test site: no
// error is allowed.
func TestHTMLValid(t *testing.T) {
	java, err := exec.LookPath("java")
	need(t, "java", "install a Java runtime (apt-get install default-jre-headless)", err)
	jar, err := toolFile("vnu-jar/build/dist/vnu.jar")
	need(t, "vnu-jar", "run `npm ci` in internal/sitetest", err)
	for name, dir := range map[string]string{
		"example":     exampleSite(t, "https://khuyencong.example"+subPath),
		"nhieu-tinh":  v2Site(t),
		"tuyen-quang": builtinSite(t),
	} {
		t.Run(name, func(t *testing.T) { checkHTML(t, java, jar, dir) })
	}
}

// checkHTML runs the checker over one output folder.
func checkHTML(t *testing.T, java, jar, dir string) {
	cmd := exec.Command(java, "-jar", jar, "--errors-only", "--format", "json", "--also-check-css", "--also-check-svg", "--skip-non-html", dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var report struct {
		Messages []struct {
			Type     string `json:"type"`
			SubType  string `json:"subType"`
			URL      string `json:"url"`
			LastLine int    `json:"lastLine"`
			FirstCol int    `json:"firstColumn"`
			Message  string `json:"message"`
			Extract  string `json:"extract"`
		} `json:"messages"`
	}
	// The checker writes its JSON report on standard error.
	if err := json.Unmarshal(stderr.Bytes(), &report); err != nil {
		t.Fatalf("reading the checker's report: %v (exit: %v)\n%s\n%s", err, runErr, stdout.String(), stderr.String())
	}
	n := 0
	for _, m := range report.Messages {
		if m.Type != "error" && !(m.Type == "non-document-error") {
			continue
		}
		n++
		file := strings.TrimPrefix(m.URL, "file:"+dir+"/")
		t.Errorf("%s:%d:%d: %s\n\t%s", file, m.LastLine, m.FirstCol, m.Message, strings.TrimSpace(m.Extract))
	}
	if n == 0 && runErr != nil {
		t.Errorf("the checker failed without reporting an error: %v\n%s", runErr, stderr.String())
	}
}
