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

// demoSources holds the demo sites written, by size and photos.
var demoSources struct {
	sync.Mutex
	dirs map[string]string
	errs map[string]error
}

// demoSource writes a generated demo site once: size M without photos
// (pages of every kind, many of each), size S with its phone photos
// (pages showing photos and their copies).
func demoSource(size string, photos bool) (string, error) {
	demoSources.Lock()
	defer demoSources.Unlock()
	key := fmt.Sprintf("demo-%s-photos-%v", size, photos)
	if dir, ok := demoSources.dirs[key]; ok {
		return dir, demoSources.errs[key]
	}
	if demoSources.dirs == nil {
		demoSources.dirs, demoSources.errs = map[string]string{}, map[string]error{}
	}
	dir := filepath.Join(tmpRoot, key)
	bin, err := generator()
	if err == nil {
		cmd := exec.Command(bin, "demo", "--size", size, fmt.Sprintf("--photos=%v", photos), "-o", dir)
		if out, cerr := cmd.CombinedOutput(); cerr != nil {
			err = fmt.Errorf("khuyencong demo: %v\n%s", cerr, out)
		}
	}
	demoSources.dirs[key], demoSources.errs[key] = dir, err
	return dir, err
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
