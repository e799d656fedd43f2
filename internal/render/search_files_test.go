package render

import "strings"

// generatedDirs are folders whose files depend on the data in bulk (the
// search index, the facet pages); their contents are tested on their own.
var generatedDirs = []string{
	searchDir + "/", dataDir + "/",
	dirProducts + "/cong-nhan/", dirProducts + "/nhom/", dirProducts + "/don-vi/", dirProducts + "/nam/",
	dirEstablishments + "/don-vi/", dirEstablishments + "/nganh/", dirEstablishments + "/loai-hinh/",
	dirEstablishments + "/nguon-von/", dirEstablishments + "/hoat-dong/", dirEstablishments + "/nam/",
	dirProjects + "/nam/", dirProjects + "/nguon-von/", dirProjects + "/hoat-dong/",
}

// withoutGenerated returns the names outside generatedDirs and how many
// were left out.
func withoutGenerated(names []string) ([]string, int) {
	var out []string
	n := 0
	for _, name := range names {
		skip := false
		for _, d := range generatedDirs {
			if strings.HasPrefix(name, d) {
				skip = true
			}
		}
		if skip {
			n++
			continue
		}
		out = append(out, name)
	}
	return out, n
}
