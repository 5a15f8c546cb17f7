"""Reading and (later) writing photo metadata: EXIF, IPTC IIM and XMP."""
