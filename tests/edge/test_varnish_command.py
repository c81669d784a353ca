"""`kiosque edge`'s varnishd command line: options varnishd itself accepts."""

import shutil
import subprocess
from pathlib import Path

import pytest

from kiosque.edge.varnish import varnishd_command, vcl_for

pytestmark = pytest.mark.processes


def command(tmp_path: Path, **options) -> list[str]:
    vcl = tmp_path / "kiosque.vcl"
    vcl.write_text(vcl_for(8000, "admin"))
    return varnishd_command(
        host="127.0.0.1", port=8080, vcl_file=vcl, work_dir=tmp_path / "v", **options
    )


def test_by_default_varnish_keeps_its_request_log_and_thread_pools(tmp_path):
    line = " ".join(command(tmp_path))
    assert "vsl_mask" not in line and "thread_pools" not in line


def test_quiet_log_masks_the_per_request_records(tmp_path):
    line = command(tmp_path, quiet_log=True, thread_pools=1)
    assert "thread_pools=1" in line
    (mask,) = [part for part in line if part.startswith("vsl_mask=")]
    assert "-ReqURL" in mask and "-RespStatus" in mask


@pytest.mark.skipif(not shutil.which("varnishd"), reason="varnishd not installed")
def test_varnishd_accepts_the_parameters_and_the_vcl(tmp_path):
    # -C compiles the VCL and exits; parameters are checked before it does.
    line = [part for part in command(tmp_path, quiet_log=True, thread_pools=1) if part != "-F"]
    result = subprocess.run([*line, "-C"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
