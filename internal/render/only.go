package render

// wants reports whether the file name is to be produced (see Options.Only).
func (o Options) wants(name string) bool {
	return o.Only == nil || o.Only(name)
}
