"""Regenerates the sample folder's photos: drawn shapes labelled as generated, with metadata.

Run from the repository root on a machine with exiftool: python resources/sample/generate.py
"""

import random
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"
PHOTOS = {  # file name: (sky colour, ground colour, scene words, taken at)
    "DSC_0412.jpg": ((96, 140, 200), (150, 60, 50), "Quảng trường · lễ khai mạc", "08:02:11"),
    "DSC_0415.jpg": ((70, 90, 130), (120, 30, 40), "Phát biểu khai mạc", "08:09:40"),
    "DSC_0421.JPG": ((120, 170, 120), (60, 110, 60), "Gian hàng chè Shan tuyết", "08:41:05"),
    "DSC_0430.jpg": ((200, 170, 110), (140, 90, 40), "Người dân mua sắm", "09:15:22"),
    "DSC_0431.jpg": ((210, 150, 120), (150, 80, 60), "Người dân mua sắm", "09:16:03"),
    "DSC_0447.jpeg": ((150, 120, 190), (90, 60, 120), "Sản phẩm OCOP", "09:48:37"),
    "DSC_0452.jpg": ((220, 90, 80), (200, 160, 60), "Cắt băng khai mạc", "08:20:59"),
}


def draw(name: str, sky, ground, words: str, seed: int) -> Image.Image:
    rnd = random.Random(seed)
    image = Image.new("RGB", (1800, 1200), sky)
    d = ImageDraw.Draw(image)
    d.rectangle((0, 760, 1800, 1200), fill=ground)
    for _ in range(14):  # people-ish figures
        x, h = rnd.randint(60, 1740), rnd.randint(180, 320)
        colour = tuple(rnd.randint(20, 230) for _ in range(3))
        d.ellipse((x - 28, 900 - h - 56, x + 28, 900 - h), fill=(235, 200, 170))
        d.rounded_rectangle((x - 45, 900 - h, x + 45, 900), 18, fill=colour)
    label = ImageFont.truetype(FONT, 54)
    small = ImageFont.truetype(FONT, 36)
    d.rectangle((0, 0, 1800, 150), fill=(0, 0, 0))
    d.text((40, 22), "ẢNH MẪU TỰ TẠO — GENERATED SAMPLE", font=label, fill=(255, 210, 0))
    d.text((40, 96), f"{name} · {words}", font=small, fill=(255, 255, 255))
    return image


def main() -> None:
    for seed, (name, (sky, ground, words, time)) in enumerate(PHOTOS.items()):
        path = HERE / name
        draw(name, sky, ground, words, seed).save(path, "JPEG", quality=80)
        args = ["-overwrite_original", "-q", "-Make=PhotoDesk", "-Model=Generated sample",
                f"-DateTimeOriginal=2025:03:15 {time}", "-IPTC:CodedCharacterSet=UTF8",
                "-XMP-photoshop:Credit=Ảnh mẫu tự tạo / PhotoDesk",
                "-IPTC:Credit=Ảnh mẫu / PhotoDesk",
                "-XMP-dc:Rights=Generated sample, CC0", "-IPTC:CopyrightNotice=Generated sample, CC0",
                "-XMP-photoshop:City=Hòa Sơn", "-IPTC:City=Hòa Sơn"]
        if name == "DSC_0415.jpg":  # the photographer's own caption, unlike the article's
            args += ["-XMP-dc:Description=Chủ tịch UBND tỉnh Nguyễn Văn An phát biểu tại lễ khai mạc.",
                     "-IPTC:Caption-Abstract=Chủ tịch UBND tỉnh Nguyễn Văn An phát biểu tại lễ khai mạc.",
                     "-XMP-dc:Creator=Trần Quang Huy", "-IPTC:By-line=Trần Quang Huy"]
        subprocess.run(["exiftool", *args, str(path)], check=True)


if __name__ == "__main__":
    main()
