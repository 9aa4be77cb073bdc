import OrgLensCLI

OrgLensCommand.start()
