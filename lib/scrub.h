/*
 * scrub: removes the metadata a photo carries about the person who took it (place, time, camera
 * and its serial number, owner, software, comments) from a JPEG or PNG file, leaving the picture
 * itself byte for byte as it was. Pure: bytes in, bytes out, no allocation, no I/O; lib/store.c
 * scrubs every image before it is hashed and written, so the original is never stored.
 *
 * JPEG: the marker segments are walked from SOI; every length is checked against the input.
 * Kept: SOI; DQT, DHT, DAC, DRI, DNL, SOFn, DHP, EXP; SOS with its entropy-coded data, copied
 * unchanged up to and including EOI; APP0 "JFIF" (with any embedded thumbnail cut out: a
 * thumbnail can show what a crop removed); APP14 "Adobe" (its transform flag decides how the
 * colours decode); APP2 "ICC_PROFILE" (the colour profile: without it wide-gamut photos show
 * wrong colours; phone and camera profiles are the maker's stock profile, shared by every device
 * of a model, with no serial or place in them). Dropped: APP1 (Exif with GPS, XMP), APP13
 * (IPTC, Photoshop), COM, every other APPn (MPF with its appended images, maker blocks), fill
 * bytes, and anything after EOI. Refused: no SOI, a marker that is not one, a segment that runs
 * past the end, RSTn/SOI/EOI/TEM before the first SOS, no SOS, no EOI.
 *
 * PNG: the signature is checked and the chunks walked (length, type, data, CRC; every length
 * checked against the input, every CRC verified). Kept, byte for byte: IHDR (which must come
 * first), PLTE, IDAT, IEND and the rendering chunks gAMA, cHRM, sRGB, iCCP, pHYs, tRNS, bKGD,
 * sBIT. Every other ancillary chunk is dropped (tEXt, zTXt, iTXt, eXIf, tIME and anything we do
 * not know, which may carry text), as is anything after IEND. Refused: a bad signature, a chunk
 * that runs past the end, a bad chunk type or CRC, an unknown critical chunk, no IEND.
 *
 * Both functions take in[0..len) and write the result to out, which must have room for len bytes
 * (the result is never longer); out may be NULL to check the file and learn the length only. On
 * success *outlen is the result's length and 0 is returned; -1 means the file is malformed
 * (*outlen and out are then undefined).
 */
#ifndef JUBAO_SCRUB_H
#define JUBAO_SCRUB_H

#include <stddef.h>
#include <stdint.h>

int scrub_jpeg(const uint8_t *in, size_t len, uint8_t *out, size_t *outlen);
int scrub_png(const uint8_t *in, size_t len, uint8_t *out, size_t *outlen);

#endif
