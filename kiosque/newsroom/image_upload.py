"""The admin's image upload form: a picture that cannot be decoded is refused, not a 500.

Wagtail's own checks (wagtail.images.fields.WagtailImageField) read the file's header:
the extension must match the format (a PNG named .jpg is refused), the declared pixels
stay under WAGTAILIMAGES_MAX_IMAGE_PIXELS (an image bomb declaring 100,000 × 100,000 is
refused before any decoding), the size under WAGTAILIMAGES_MAX_UPLOAD_SIZE. Counting
the pixels then decodes the picture (Willow loads it whole), and a file that stops short
— a JPEG cut in half by a failed transfer — raised Pillow's OSError out of the form:
a 500 for the photo editor, in the single and the multiple upload alike. Here it is the
form's error, with what to do about it (decision 0078).

Settings: WAGTAILIMAGES_IMAGE_FORM_BASE = "kiosque.newsroom.image_upload.NewsImageForm".
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DAMAGED = _("This picture is damaged or incomplete: export it again and upload the new file.")
# What Pillow raises on a file it cannot decode to the end (UnidentifiedImageError and
# « image file is truncated » are OSErrors).
DECODING_ERRORS = (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError)


class DecodedImageField(WagtailImageField):
    def to_python(self, data):
        try:
            return super().to_python(data)
        except DECODING_ERRORS as error:
            raise ValidationError(DAMAGED, code="damaged_image") from error


class NewsImageForm(BaseImageForm):
    # Declared, so it replaces the WagtailImageField that Wagtail's get_image_form()
    # builds for the model's file.
    file = DecodedImageField(label=_("File"))
