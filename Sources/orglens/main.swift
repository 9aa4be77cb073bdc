import ArgumentParser
import OrgLensCLI

OrgLensCommand.main()
