package sitetest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// generator builds the khuyencong command once, so that the checks run the
// same program an officer runs.
func generator() (string, error) {
	binOnce.Do(func() {
		binPath = filepath.Join(tmpRoot, "khuyencong")
		cmd := exec.Command("go", "build", "-o", binPath, "../../cmd/khuyencong")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out.String())
		}
	})
	return binPath, binErr
}

var (
	demoOnce sync.Once
	demoDir  string
	demoErr  error
)

// demoSource writes the generated mid-size (M) demo site once, with its
// phone photos (650 of them: every product, some establishments and
// articles), so that every check also sees pages with photos and their
// copies.
func demoSource() (string, error) {
	demoOnce.Do(func() {
		bin, err := generator()
		if err != nil {
			demoErr = err
			return
		}
		demoDir = filepath.Join(tmpRoot, "demo-m")
		cmd := exec.Command(bin, "demo", "--size", "M", "--photos", "-o", demoDir)
		if out, err := cmd.CombinedOutput(); err != nil {
			demoErr = fmt.Errorf("khuyencong demo: %v\n%s", err, out)
		}
	})
	return demoDir, demoErr
}

// buildSite builds the site folder src into a new folder with the given
// base URL ("" for none).
func buildSite(src, baseURL string) (string, error) {
	bin, err := generator()
	if err != nil {
		return "", err
	}
	out, err := os.MkdirTemp(tmpRoot, "public-")
	if err != nil {
		return "", err
	}
	// The generator refuses to replace a folder it did not create: hand it
	// a path that does not exist yet.
	out = filepath.Join(out, "public")
	args := []string{"build", src, "-o", out}
	if baseURL != "" {
		args = append(args, "--base-url", baseURL)
	}
	cmd := exec.Command(bin, args...)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("khuyencong %v: %v\n%s", args, err, log.String())
	}
	return out, nil
}
